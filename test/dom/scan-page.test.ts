/**
 * One scan pass (content/scan/scan-page.ts): the names in the page's text are found and
 * highlighted, text a reader does not read (code, form fields, editors, our own card) is left
 * alone, open shadow roots are reported so they can be watched, a name that is also a word waits
 * for what the whole page says, and each pass leaves a `backstory:scan` measure (the documented
 * contract the bench reads) unless it was stopped.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatchingEntity } from '../../src/core/dataset-types';
import { CandidateJudge } from '../../src/core/judge-candidates';
import { matcherFrom, type MatchMentions } from '../../src/core/match-mentions';
import { prepareMatching } from '../../src/core/prepare-matching';
import { HighlightRegistry } from '../../src/content/highlight/highlight-registry';
import { scanPage, WINDOW_LENGTH, type ScanOptions } from '../../src/content/scan/scan-page';
import { SCAN_MEASURE } from '../../src/shared/public-names';
import { useFakeHighlights, type FakeHighlight } from '../support/fake-highlights';
import { fixtureDataset } from '../support/fixture-dataset';

useFakeHighlights();

const ENTITIES = fixtureDataset()
  .entities.filter((entity) => entity.highlightByDefault)
  .map(prepareMatching);

/** What is highlighted now, per entity: the text of each range, in the order registered. */
function highlighted(): Record<string, string[]> {
  const highlights = CSS.highlights as unknown as Map<string, FakeHighlight>;
  return Object.fromEntries(
    [...highlights].filter(([, ranges]) => ranges.size > 0).map(([name, ranges]) => [name, [...ranges].map(String)]),
  );
}

function setUp(entities: readonly MatchingEntity[] = ENTITIES, extra: Partial<ScanOptions> = {}) {
  const controller = new AbortController();
  const options: ScanOptions = {
    match: matcherFrom(entities),
    judge: new CandidateJudge(entities),
    registry: new HighlightRegistry(),
    signal: controller.signal,
    ...extra,
  };
  return { controller, options, scan: (roots: Node[] = [document.body]) => scanPage(roots, options) };
}

const scanMeasures = () => performance.getEntriesByName(SCAN_MEASURE, 'measure') as PerformanceMeasure[];

beforeEach(() => {
  performance.clearMeasures(SCAN_MEASURE);
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('scanPage', () => {
  it('highlights every name in the page and reports how much it read, in the result and the measure', async () => {
    document.body.innerHTML = `
      <h1>TikTok and Oracle</h1>
      <p>ByteDance owns <b>TikTok</b>. Microsoft bid too.</p>`;
    const { scan } = setUp();
    const result = await scan();
    expect(highlighted()).toEqual({
      'backstory-tiktok': ['TikTok', 'TikTok'],
      'backstory-oracle': ['Oracle'],
      'backstory-bytedance': ['ByteDance'],
    });
    expect(result?.mentions).toBe(4);
    const [measure, ...more] = scanMeasures();
    expect(more).toEqual([]);
    expect(measure?.detail).toEqual(result);
    expect(measure?.detail).toEqual({ textNodes: expect.any(Number), mentions: 4 });
    expect((measure?.detail as { textNodes: number }).textNodes).toBeGreaterThanOrEqual(4);
  });

  it('records a measure for a pass that found nothing, with its count of zero', async () => {
    document.body.innerHTML = '<p>Nothing of the deal here.</p>';
    const { scan } = setUp();
    await expect(scan()).resolves.toEqual({ textNodes: 1, mentions: 0 });
    expect(scanMeasures().map((m) => m.detail)).toEqual([{ textNodes: 1, mentions: 0 }]);
    expect(highlighted()).toEqual({});
  });

  it('leaves code, form fields, editable text and its own card alone', async () => {
    document.body.innerHTML = `
      <script>const TikTok = 1;</script><style>.Oracle {}</style>
      <textarea>TikTok draft</textarea><input value="Oracle">
      <div contenteditable="true">ByteDance in an editor</div>
      <div id="card">TikTok in our card</div>
      <p>Oracle in prose</p>`;
    const { scan } = setUp(ENTITIES, { ownHost: document.getElementById('card') });
    await scan();
    expect(highlighted()).toEqual({ 'backstory-oracle': ['Oracle'] });
  });

  it('does not read a changed root that sits inside a skipped element (text typed into an editor)', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>draft</p></div>';
    const typed = document.createTextNode('TikTok');
    document.querySelector('p')!.append(typed);
    const { scan } = setUp();
    await expect(scan([typed])).resolves.toEqual({ textNodes: 0, mentions: 0 });
    expect(highlighted()).toEqual({});
  });

  it('reads open shadow roots and reports each one, and never reads a closed one', async () => {
    document.body.innerHTML = '<x-story id="open"></x-story><x-story id="closed"></x-story>';
    const open = document.getElementById('open')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<p>TikTok in a component</p>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Oracle, closed</p>';
    const onShadowRoot = vi.fn();
    const { scan } = setUp(ENTITIES, { onShadowRoot });
    await scan();
    expect(onShadowRoot.mock.calls).toEqual([[open]]);
    expect(highlighted()).toEqual({ 'backstory-tiktok': ['TikTok'] });
  });

  it('takes back the highlight of a text read again once it no longer holds the name', async () => {
    document.body.innerHTML = '<p>TikTok was here</p>';
    const { scan } = setUp();
    await scan();
    const text = document.querySelector('p')!.firstChild as Text;
    text.data = 'Nobody was here';
    await expect(scan([text])).resolves.toEqual({ textNodes: 1, mentions: 0 });
    expect(highlighted()).toEqual({});
  });

  it('finds every name in one text longer than a window, at the window edges too', async () => {
    const filler = (length: number) => 'x '.repeat(length / 2);
    // TikTok straddles the end of the first window (0 to W), ByteDance that of the second.
    const text = `${filler(WINDOW_LENGTH - 4)}TikTok ${filler(WINDOW_LENGTH - 6)}ByteDance ${filler(1000)}Oracle`;
    expect(text.indexOf('TikTok')).toBe(WINDOW_LENGTH - 4);
    expect(text.indexOf('ByteDance')).toBe(2 * WINDOW_LENGTH - 3);
    document.body.append(Object.assign(document.createElement('p'), { textContent: text }));
    const { scan } = setUp();
    await expect(scan()).resolves.toMatchObject({ mentions: 3 });
    expect(highlighted()).toEqual({
      'backstory-tiktok': ['TikTok'],
      'backstory-bytedance': ['ByteDance'],
      'backstory-oracle': ['Oracle'],
    });
  });

  it('stops where it is when stopped between slices: no more highlights, no measure', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>TikTok ${i}</p>`).join('');
    const match = matcherFrom(ENTITIES);
    let calls = 0;
    let stop: () => void = () => undefined;
    const { controller, scan } = setUp(ENTITIES, {
      // Each text takes a millisecond to read, so a slice ends within the first few dozen; the
      // pass is stopped in the middle of one.
      match: ((...args: Parameters<MatchMentions>) => {
        vi.advanceTimersByTime(1);
        if (++calls === 20) stop();
        return match(...args);
      }) as MatchMentions,
    });
    stop = () => controller.abort();
    const scanning = scan();
    await vi.runAllTimersAsync();
    await expect(scanning).resolves.toBeUndefined();
    const shown = highlighted()['backstory-tiktok']?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(400);
    expect(scanMeasures()).toEqual([]);
  });
});

describe('scanPage: a name that is also a word', () => {
  /** "Oracle" as a company only where the page speaks of databases; near Delphi, the other sense. */
  const oracle: MatchingEntity = prepareMatching({
    id: 'oracle',
    highlightByDefault: true,
    related: [],
    aliases: [
      { text: 'Oracle', case: 'capitalized', boundary: 'word', suffixes: [], prefixes: [], when: 'context' },
      { text: 'Oracle Corporation', case: 'exact', boundary: 'word', suffixes: [], prefixes: [], when: 'always' },
    ],
    context: {
      world: ['database'],
      worldBefore: [],
      pageWorldNeeded: { prose: 1, title: 3 },
      otherSenses: [{ why: 'the oracle of Delphi', words: ['Delphi'], before: [], after: ['of Delphi'] }],
    },
  });

  it('is highlighted once the rest of the page shows it is the company, even from further down', async () => {
    const far = 'Other news of the day. '.repeat(40);
    const page = (end: string) =>
      `<p>In a statement on Tuesday, Oracle reported its results for the quarter, as analysts expected.</p><p>${far}</p><p>${end}</p>`;
    document.body.innerHTML = page('Shares of Oracle Corporation rose.');
    await setUp([oracle]).scan();
    expect(highlighted()['backstory-oracle']?.sort()).toEqual(['Oracle', 'Oracle Corporation']);

    // The same page without its last words: nothing says which Oracle the first one is.
    CSS.highlights.clear();
    document.body.innerHTML = page('Shares rose.');
    await setUp([oracle]).scan();
    expect(highlighted()).toEqual({});
  });

  it('is not highlighted where it means the other thing', async () => {
    document.body.innerHTML = '<p>Pilgrims asked the Oracle of Delphi about the war.</p>';
    const { scan } = setUp([oracle]);
    await expect(scan()).resolves.toMatchObject({ mentions: 0 });
    expect(highlighted()).toEqual({});
  });
});
