/**
 * Where an on-demand module leaves what it offers: a property of the content script's world
 * (its isolated world, which the page cannot reach), written by the module's entry file when it
 * runs, however it arrived (imported, or injected by the background), and read by the loader.
 */
import { ON_DEMAND_REGISTRY, type OnDemandFile } from '../../shared/on-demand-files';
import type * as CardUi from '../card/card-ui';
import type * as Engine from './engine-entry';
import type * as PageDates from '../page-date/find-page-date';

/** What each on-demand file offers. */
export interface OnDemandModules {
  'card.js': typeof CardUi;
  'page-date.js': typeof PageDates;
  'engine.js': Engine.Engine;
}

// Every file of the list has its module's type, and no other.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const everyFileTyped: Same<keyof OnDemandModules, OnDemandFile> = true;
void everyFileTyped;

type Registry = { -readonly [F in OnDemandFile]?: OnDemandModules[F] };

function registry(): Registry {
  const world = globalThis as unknown as Record<typeof ON_DEMAND_REGISTRY, Registry | undefined>;
  return (world[ON_DEMAND_REGISTRY] ??= {});
}

/** Called once by an entry file: `file` now offers `module`. */
export function provideModule<F extends OnDemandFile>(file: F, module: OnDemandModules[F]): void {
  registry()[file] = module;
}

/** What `file` offers, once it has run in this world. */
export function providedModule<F extends OnDemandFile>(file: F): OnDemandModules[F] | undefined {
  return registry()[file];
}
