/** The popup's parts as a reader sees them, in English and German: counts, dates, the timeline's tools. */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DealEvent } from '../../src/core/dataset-types';
import type { MessageKey } from '../../src/shared/i18n';
import { PageDateLine } from '../../src/ui/PageDateLine';
import { PageSummary } from '../../src/ui/PageSummary';
import { Timeline } from '../../src/ui/Timeline';
import en from '../../src/_locales/en/messages.json';
import de from '../../src/_locales/de/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A locale's messages, substituted the way browser.i18n does. */
const translator =
  (messages: Messages) =>
  (key: MessageKey, ...subs: string[]): string =>
    messages[key]!.message.replace(/\$([A-Z_]+)\$/g, (_, name: string) => {
      const index = Number(messages[key]!.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1;
      return subs[index] ?? '';
    });
const tEn = translator(en as Messages);
const tDe = translator(de as Messages);

const companies = [
  { id: 'tiktok', name: 'TikTok' },
  { id: 'oracle', name: 'Oracle' },
];
let nextMentionId = 1;
const mention = (entityId: string) => ({
  frameId: 0,
  mentionId: nextMentionId++,
  entityId,
  snippet: { before: 'x ', name: entityId, after: ' y' },
});

function mount(node: preact.ComponentChild) {
  const container = document.createElement('div');
  document.body.append(container);
  render(node, container);
  return container;
}

afterEach(() => document.body.replaceChildren());

describe('PageSummary', () => {
  it('writes each count in its plural form, in English and German', () => {
    const mentions = [mention('oracle'), mention('tiktok'), mention('tiktok')];
    const summaries = (t: typeof tEn) =>
      [
        ...mount(<PageSummary mentions={mentions} companies={companies} onReveal={() => {}} t={t} />).querySelectorAll(
          'summary',
        ),
      ].map((s) => s.textContent);
    expect(summaries(tEn)).toEqual(['TikTok: 2 mentions', 'Oracle: 1 mention']);
    expect(summaries(tDe)).toEqual(['TikTok: 2 Erwähnungen', 'Oracle: 1 Erwähnung']);
  });

  it("opens a company's list when its count is chosen, and colours its names with the entity's hue", async () => {
    const root = mount(
      <PageSummary
        mentions={[mention('oracle'), mention('tiktok')]}
        companies={companies}
        onReveal={() => {}}
        t={tEn}
      />,
    );
    const oracle = root.querySelector<HTMLDetailsElement>('#mentions-oracle')!;
    expect(oracle.open).toBe(false);
    root.querySelectorAll<HTMLButtonElement>('.count-chip')[1]!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(oracle.open).toBe(true);
    expect(root.querySelectorAll<HTMLButtonElement>('.count-chip')[1]!.getAttribute('aria-expanded')).toBe('true');
    expect(oracle.style.getPropertyValue('--hue')).toBe('232 90 20');
  });
});

describe('PageDateLine', () => {
  it('names the source once when both dates come from the same place', () => {
    const both = {
      published: { date: '2020-09-14', source: 'json-ld' },
      modified: { date: '2020-09-15', source: 'json-ld' },
    } as const;
    expect(mount(<PageDateLine pageDate={both} t={tEn} />).textContent).toBe(
      "Published 14 Sep 2020, updated 15 Sep 2020 (both from the page's structured data)",
    );
    expect(mount(<PageDateLine pageDate={both} t={tDe} />).textContent).toBe(
      'Veröffentlicht am 14. Sept. 2020, aktualisiert am 15. Sept. 2020 (beides laut den strukturierten Daten der Seite)',
    );
    const apart = {
      published: { date: '2020-09-14', source: 'meta' },
      modified: { date: '2020-09-15', source: 'url' },
    } as const;
    expect(mount(<PageDateLine pageDate={apart} t={tEn} />).textContent).toBe(
      "Published 14 Sep 2020 (from the page's metadata) · Updated 15 Sep 2020 (from the page's address)",
    );
  });
});

describe('Timeline', () => {
  const event = (id: string, date: string, importance: 1 | 2 | 3 = 2): DealEvent =>
    ({
      id,
      date,
      title: `Event ${id}`,
      summary: 'Summary.',
      entities: ['tiktok'],
      sources: [
        { url: `https://example.com/${id}`, publisher: 'Reuters', title: 'Report', date: null, kind: 'wire' as const },
      ],
      confidence: 'verified',
      importance,
    }) as DealEvent;
  const events = [event('a', '2019-05-01'), event('b', '2020-09-20', 3), event('c', '2024-04-24')];
  const props = {
    events,
    companies,
    entityNames: new Map([['tiktok', 'TikTok']]),
    filter: undefined,
    onFilter: () => {},
    asOf: '2026-05-15',
    pageDate: '2020-09-14',
  };

  it('marks the page date between what came after (above, newest first) and before, and explains its marks', () => {
    const root = mount(<Timeline {...props} today={new Date('2026-06-01')} t={tEn} />);
    const items = [...root.querySelectorAll('.event, .page-mark')].map((li) =>
      li.classList.contains('page-mark') ? 'mark' : li.querySelector('time')!.getAttribute('datetime'),
    );
    expect(items).toEqual(['2024-04-24', '2020-09-20', 'mark', '2019-05-01']);
    expect(root.querySelector('.page-mark')!.textContent).toBe(
      'This page was written on 14 Sep 2020: the events above came after it.',
    );
    expect(root.querySelector('.legend')!.textContent).toContain('Key event');
    expect(root.querySelector('.stale')).toBeNull();
    expect(root.querySelector('.count')!.textContent).toBe('3 events');
  });

  it('tells a reader more than 90 days after the as-of date that later events may be missing, in German too', () => {
    const root = mount(<Timeline {...props} today={new Date('2026-08-14')} t={tDe} />);
    expect(root.querySelector('.stale')!.textContent).toBe(
      'Ereignisse bis zum 15. Mai 2026; spätere fehlen womöglich.',
    );
    expect(root.querySelector('time')!.textContent).toBe('24. Apr. 2024');
    expect(root.querySelector('.count')!.textContent).toBe('3 Ereignisse');
  });
});
