import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardModel, type CardModel } from '../../src/core/card-model';
import type { DealEvent } from '../../src/core/dataset-types';
import type { MessageKey } from '../../src/shared/i18n';
import { HoverCard, type HoverCardProps } from '../../src/ui/HoverCard';
import messages from '../../src/_locales/en/messages.json';
import { fixtureDataset } from '../support/fixture-dataset';

/** The English messages, substituted the way browser.i18n does. */
const t = (key: MessageKey, ...subs: string[]): string =>
  messages[key].message.replace(/\$([A-Z]+)\$/g, (_, name: string) => {
    const placeholders = (messages[key] as { placeholders?: Record<string, { content: string }> }).placeholders;
    const index = Number(placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1;
    return subs[index] ?? '';
  });

function mount(entityId: string, props: Partial<HoverCardProps> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  render(
    <HoverCard
      model={cardModel(fixtureDataset(), entityId)!}
      t={t}
      onOpenEntity={() => {}}
      onOpenTimeline={() => {}}
      onClose={() => {}}
      {...props}
    />,
    container,
  );
  return container;
}

afterEach(() => {
  document.body.replaceChildren();
});

/** A click as the reader makes it: the card ignores those a page script dispatches. */
function trustedClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('HoverCard', () => {
  it('is a labelled dialog with the name, identity, role and status with its dates', () => {
    const card = mount('tiktok');
    const dialog = card.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Backstory: TikTok');
    expect(card.querySelector('h2')!.textContent).toBe('TikTok');
    expect(card.textContent).toContain('Short-video app owned by ByteDance.');
    expect(card.textContent).toContain('The app whose US future the deal decides.');
    expect(card.querySelector('.now')!.textContent).toContain('Run in the US by a joint venture.');
    expect(card.querySelector('.now')!.textContent).toContain('Since 22 Jan 2026 · as of 15 May 2026');
  });

  it('dates every event, links every source in a new tab without referrer, and says where sources differ', async () => {
    const card = mount('tiktok');
    const items = [...card.querySelectorAll('.dates li')];
    expect(items.map((li) => li.querySelector('time')!.getAttribute('datetime'))).toEqual(['2020-09-14', '2020-09-13']);
    expect(items[0]!.textContent).toContain('14 Sep 2020');
    const differ = items[0]!.querySelector<HTMLButtonElement>('button.differ')!;
    expect(differ.textContent).toBe('Sources differ');
    expect(differ.getAttribute('aria-expanded')).toBe('false');
    expect(items[0]!.textContent).not.toContain('provider or partner');
    trustedClick(differ);
    await settle();
    expect(differ.getAttribute('aria-expanded')).toBe('true');
    expect(items[0]!.querySelector(`#${differ.getAttribute('aria-controls')}`)!.textContent).toContain(
      'provider or partner',
    );
    for (const item of items) expect(item.querySelectorAll('a[href^="https://"]').length).toBeGreaterThan(0);
    const links = [...card.querySelectorAll('a')];
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      expect(link.target).toBe('_blank');
      expect(link.rel).toBe('noopener noreferrer');
      expect(link.getAttribute('aria-label')).toMatch(/\(opens in a new tab\)$/);
    }
  });

  it('renders dataset text as text, never as HTML', () => {
    const dataset = fixtureDataset();
    const model = { ...cardModel(dataset, 'tiktok')!, role: '<img src=x onerror=alert(1)>' };
    const container = document.createElement('div');
    render(
      <HoverCard model={model} t={t} onOpenEntity={() => {}} onOpenTimeline={() => {}} onClose={() => {}} />,
      container,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('opens related entities, the full timeline, goes back, and closes', () => {
    const onOpenEntity = vi.fn();
    const onOpenTimeline = vi.fn();
    const onBack = vi.fn();
    const onClose = vi.fn();
    const card = mount('tiktok', { onOpenEntity, onOpenTimeline, onClose, back: { name: 'Oracle', onBack } });
    trustedClick(card.querySelector('button.timeline')!);
    expect(onOpenTimeline).toHaveBeenCalledWith('tiktok');
    const chips = [...card.querySelectorAll<HTMLButtonElement>('.related button')];
    expect(chips.map((b) => b.textContent)).toEqual(['ByteDance', 'Oracle']);
    trustedClick(chips[1]!);
    expect(onOpenEntity).toHaveBeenCalledWith('oracle');
    trustedClick(card.querySelector('.back')!);
    expect(onBack).toHaveBeenCalled();
    expect(card.querySelector('.back')!.textContent).toContain('Back to Oracle');
    trustedClick(card.querySelector('button[aria-label="Close"]')!);
    expect(onClose).toHaveBeenCalled();
  });

  it("offers the reader's feedback on the mention: Not about <name> here, and Report a problem", () => {
    const said: string[] = [];
    const card = mount('oracle', {
      feedback: { onReport: () => said.push('report'), onNotAbout: () => said.push('not about') },
    });
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('.feedback button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Not about Oracle here', 'Report a problem']);
    // A click a page script made up does nothing; the reader's does.
    buttons[0]!.click();
    expect(said).toEqual([]);
    trustedClick(buttons[0]!);
    trustedClick(buttons[1]!);
    expect(said).toEqual(['not about', 'report']);
    expect(mount('tiktok').querySelector('.feedback')).toBeNull();
  });
});

describe('HoverCard at a glance', () => {
  const event = (id: string, date: string, disagreement?: string): DealEvent => ({
    id,
    date,
    title: `Event ${id}`,
    summary: id,
    entities: ['tiktok'],
    sources: [{ url: `https://example.com/${id}`, publisher: 'Outlet', title: id, date: null, kind: 'outlet' }],
    confidence: 'verified',
    importance: 3,
    ...(disagreement !== undefined && { disagreement }),
  });
  const model = (changes: Partial<CardModel> = {}): CardModel => ({
    ...cardModel(fixtureDataset(), 'tiktok')!,
    keyEvents: ['a', 'b', 'c', 'd', 'e'].map((id, i) => event(id, `202${5 - i}-01-01`)),
    related: ['one', 'two', 'three', 'four'].map((id) => ({ id, name: id })),
    ...changes,
  });
  const dates = (card: Element) => [...card.querySelectorAll('time')].map((time) => time.getAttribute('datetime'));

  it('shows two dates and two related entities, the rest behind one More that opens in place', async () => {
    const card = mount('tiktok', { model: model() });
    expect(dates(card)).toEqual(['2025-01-01', '2024-01-01']);
    expect([...card.querySelectorAll('.chip')].map((chip) => chip.textContent)).toEqual(['one', 'two']);
    const more = card.querySelectorAll('button.more-toggle');
    expect(more).toHaveLength(1);
    expect(more[0]!.getAttribute('aria-expanded')).toBe('false');
    trustedClick(more[0]!);
    await settle();
    expect(dates(card)).toHaveLength(5);
    expect(card.querySelectorAll('.chip')).toHaveLength(4);
    expect(more[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(more[0]!.textContent).toBe('Less');
    // The footer, with the full timeline, comes after the body in every state.
    expect(card.querySelector('.card > .foot button.timeline')).not.toBeNull();
  });

  it('gives "since this page" the dated places, the key dates waiting behind More, never repeated', async () => {
    const since = { date: '2023-03-31', count: 12, events: [event('x', '2026-01-22'), event('y', '2025-01-17')] };
    const card = mount('tiktok', { model: model({ sincePage: since }) });
    expect(card.querySelector('.since h3')!.textContent).toBe('Since this page (31 Mar 2023)');
    expect(card.querySelector('.since')!.textContent).toContain('2 of 12 events');
    expect(dates(card)).toEqual(['2026-01-22', '2025-01-17']);
    trustedClick(card.querySelector('button.more-toggle')!);
    await settle();
    expect(dates(card)).toHaveLength(7);
  });

  it('says quietly when the dataset is old, in place of the as-of date', () => {
    const fresh = mount('tiktok', { stale: false });
    expect(fresh.textContent).toContain('as of 15 May 2026');
    expect(fresh.querySelector('.stale')).toBeNull();
    const old = mount('tiktok', { stale: true });
    expect(old.querySelector('.stale')!.textContent).toBe('Events up to 15 May 2026; later ones may be missing');
    expect(old.querySelector('.now')!.textContent).not.toContain('as of');
    const noStatus = mount('microsoft', { model: cardModel(fixtureDataset(), 'microsoft')! });
    expect(noStatus.querySelector('.as-of')!.textContent).toBe('As of 15 May 2026');
  });

  it('takes the theme it is given', () => {
    expect(mount('tiktok', { theme: 'dark' }).querySelector('.card')!.getAttribute('data-theme')).toBe('dark');
    expect(mount('tiktok').querySelector('.card')!.getAttribute('data-theme')).toBe('light');
  });

  it('never marks an empty dispute, and shows a real one', () => {
    const card = mount('tiktok', {
      model: model({ keyEvents: [event('a', '2025-01-01', '  '), event('b', '2024-01-01', 'One says 22, one 23.')] }),
    });
    const differs = [...card.querySelectorAll('ol li')].map((li) => li.querySelector('.differ') !== null);
    expect(differs).toEqual([false, true]);
  });

  it('ignores clicks a page script dispatches', async () => {
    const onOpenTimeline = vi.fn();
    const onClose = vi.fn();
    const card = mount('tiktok', { model: model(), onOpenTimeline, onClose });
    card.querySelector<HTMLButtonElement>('button.timeline')!.click();
    card.querySelector<HTMLButtonElement>('button.close')!.click();
    card.querySelector<HTMLButtonElement>('button.more-toggle')!.click();
    await settle();
    expect(onOpenTimeline).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(card.querySelector('button.more-toggle')!.getAttribute('aria-expanded')).toBe('false');
  });
});
