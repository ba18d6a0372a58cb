/**
 * Reads the dataset files, validates them against `schema.json` and against the rules a schema
 * cannot state (ids unique, references resolve, events sorted, no alias claimed twice), and
 * returns the dataset with every default filled in. Runs at build time only (in `build.mjs` and
 * the tests), so none of it, nor Ajv, reaches the extension.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import type { Alias, Dataset, DealEvent, Entity, Status } from '../core/dataset-types';
import { aliasKey } from '../core/match-mentions';
import { checkEventSources, checkSource } from './check-sources';
import { DatasetError } from './dataset-error';

export { DatasetError };

/** The files of the dataset, each with the one top-level key it holds. */
export const DATASET_FILES = {
  'entities.json': 'entities',
  'events.json': 'events',
  'status.json': 'statuses',
} as const;

export type DatasetFileName = keyof typeof DATASET_FILES;

/** The three companies every build must know, each with a status. */
export const CORE_ENTITIES = ['tiktok', 'oracle', 'bytedance'] as const;

/**
 * @param texts the raw text of each dataset file, by file name.
 * @param schema the parsed `schema.json`.
 * @throws DatasetError naming the file, the JSON path and the reason of the first problem.
 */
export function loadDataset(texts: Readonly<Record<DatasetFileName, string>>, schema: object): Dataset {
  const ajv = new Ajv2020({ allErrors: false, useDefaults: true, strict: true });
  const validate = ajv.compile(schema);
  const parsed = {} as Record<DatasetFileName, Record<string, unknown>>;
  for (const file of Object.keys(DATASET_FILES) as DatasetFileName[]) {
    const value = parseJson(file, texts[file]);
    const key = DATASET_FILES[file];
    if (typeof value !== 'object' || value === null || !(key in value)) {
      throw new DatasetError(file, '$', `must be an object with the key "${key}"`);
    }
    if (!validate(value)) throw schemaError(file, validate.errors ?? []);
    parsed[file] = value;
  }
  const entities = (parsed['entities.json'].entities as Entity[]).map(withAliasDefaults);
  const events = parsed['events.json'].events as DealEvent[];
  const statuses = parsed['status.json'].statuses as Status[];
  const asOf = parsed['status.json'].asOf as string;
  const checkedOn = parsed['status.json'].checkedOn as string;
  if (checkedOn < asOf) {
    throw new DatasetError(
      'status.json',
      '$.checkedOn',
      `the dataset cannot be checked (${checkedOn}) before its asOf (${asOf})`,
    );
  }
  checkEntities(entities);
  checkEvents(events, new Set(entities.map((e) => e.id)), asOf);
  checkStatuses(statuses, new Set(entities.map((e) => e.id)));
  return { asOf, checkedOn, entities, events, statuses };
}

function parseJson(file: string, text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new DatasetError(file, '$', `not valid JSON (${(error as Error).message})`);
  }
}

function schemaError(file: string, errors: ErrorObject[]): DatasetError {
  const error = errors[0];
  if (!error) return new DatasetError(file, '$', 'does not match the schema');
  const extra =
    error.keyword === 'additionalProperties'
      ? ` ("${String(error.params.additionalProperty)}")`
      : error.keyword === 'enum'
        ? ` (one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`
        : '';
  return new DatasetError(file, jsonPath(error.instancePath), `${error.message ?? 'is invalid'}${extra}`);
}

/** `/events/3/date` -> `$.events[3].date` */
export function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : `${path}.${part}`), '$');
}

function withAliasDefaults(entity: Entity): Entity {
  const aliases = entity.aliases.map((alias): Alias => ({
    ...alias,
    suffixes: alias.suffixes ?? [],
    prefixes: alias.prefixes ?? [],
    when: alias.when ?? 'always',
  }));
  const context = entity.context && {
    ...entity.context,
    worldBefore: entity.context.worldBefore ?? [],
    pageWorldNeeded: entity.context.pageWorldNeeded ?? { prose: 0, title: 0 },
    otherSenses: entity.context.otherSenses.map((sense) => ({
      ...sense,
      words: sense.words ?? [],
      before: sense.before ?? [],
      after: sense.after ?? [],
    })),
  };
  return { ...entity, aliases, ...(context && { context }) };
}

function checkEntities(entities: readonly Entity[]): void {
  const file = 'entities.json';
  const ids = new Set(entities.map((e) => e.id));
  const firstIndex = new Map<string, number>();
  const aliasOwner = new Map<string, string>();
  entities.forEach((entity, i) => {
    const at = `$.entities[${i}]`;
    const first = firstIndex.get(entity.id);
    if (first !== undefined)
      throw new DatasetError(file, `${at}.id`, `duplicate id "${entity.id}" (also at $.entities[${first}])`);
    firstIndex.set(entity.id, i);
    entity.related.forEach((id, j) => {
      if (!ids.has(id)) throw new DatasetError(file, `${at}.related[${j}]`, `unknown entity id "${id}"`);
      if (id === entity.id)
        throw new DatasetError(file, `${at}.related[${j}]`, 'an entity cannot be related to itself');
    });
    entity.aliases.forEach((alias, j) => {
      if (alias.when !== 'always' && !entity.context) {
        throw new DatasetError(
          file,
          `${at}.aliases[${j}].when`,
          `"${alias.when}" needs the entity's "context" (its world and other senses)`,
        );
      }
      if (alias.boundary === 'word' && !/^[\p{L}\p{M}\p{N}_]/u.test(alias.text)) {
        throw new DatasetError(
          file,
          `${at}.aliases[${j}].text`,
          'a name with word boundaries must start with a letter or digit (names are found where words start)',
        );
      }
      const key = aliasKey(alias.text);
      const owner = aliasOwner.get(key);
      if (owner !== undefined && owner !== entity.id) {
        throw new DatasetError(
          file,
          `${at}.aliases[${j}].text`,
          `alias "${alias.text}" is already claimed by "${owner}"`,
        );
      }
      aliasOwner.set(key, entity.id);
    });
  });
  for (const id of CORE_ENTITIES) {
    if (!ids.has(id)) throw new DatasetError(file, '$.entities', `the entity "${id}" is missing`);
  }
}

function checkEvents(events: readonly DealEvent[], ids: ReadonlySet<string>, asOf: string): void {
  const file = 'events.json';
  const seen = new Map<string, number>();
  events.forEach((event, i) => {
    const at = `$.events[${i}]`;
    const first = seen.get(event.id);
    if (first !== undefined)
      throw new DatasetError(file, `${at}.id`, `duplicate id "${event.id}" (also at $.events[${first}])`);
    seen.set(event.id, i);
    checkDate(file, `${at}.date`, event.date);
    const previous = events[i - 1];
    if (previous && previous.date > event.date) {
      throw new DatasetError(
        file,
        `${at}.date`,
        `events must be sorted by date: ${event.date} comes after ${previous.date}`,
      );
    }
    if (event.date.slice(0, asOf.length) > asOf) {
      throw new DatasetError(file, `${at}.date`, `${event.date} is later than the dataset's asOf (${asOf})`);
    }
    event.entities.forEach((id, j) => {
      if (!ids.has(id)) throw new DatasetError(file, `${at}.entities[${j}]`, `unknown entity id "${id}"`);
    });
    event.sources.forEach((source, j) => {
      if (source.date !== null) checkDate(file, `${at}.sources[${j}].date`, source.date);
    });
    checkEventSources(file, at, event);
  });
}

function checkStatuses(statuses: readonly Status[], ids: ReadonlySet<string>): void {
  const file = 'status.json';
  const seen = new Set<string>();
  statuses.forEach((status, i) => {
    const at = `$.statuses[${i}]`;
    if (!ids.has(status.entity)) throw new DatasetError(file, `${at}.entity`, `unknown entity id "${status.entity}"`);
    if (seen.has(status.entity)) throw new DatasetError(file, `${at}.entity`, `a second status for "${status.entity}"`);
    seen.add(status.entity);
    checkDate(file, `${at}.since`, status.since);
    status.sources.forEach((source, j) => checkSource(file, `${at}.sources[${j}]`, source));
  });
  for (const id of CORE_ENTITIES) {
    if (!seen.has(id)) throw new DatasetError(file, '$.statuses', `no status for "${id}"`);
  }
}

/** The schema checks the shape of a date; this checks the day exists (no 30 February). */
function checkDate(file: string, path: string, date: string): void {
  if (date.length !== 10) return;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const real = new Date(Date.UTC(year, month - 1, day));
  if (real.getUTCMonth() !== month - 1) throw new DatasetError(file, path, `${date} is not a calendar date`);
}
