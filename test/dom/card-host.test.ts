import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardContent } from '../../src/content/card/card-content';
import { CardHost, type CardUiModule } from '../../src/content/card/card-host';
import { HOST_SELECTOR } from '../../src/shared/public-names';
import type { MentionHit } from '../../src/content/card/mention-at-point';
import { cardModel } from '../../src/core/card-model';
import type { HoverCardProps } from '../../src/ui/HoverCard';
import { fixtureDataset } from '../support/fixture-dataset';

// The browser seam: card.js is handed in, never imported, here.
vi.mock('../../src/shared/browser', () => ({ browser: {}, importExtensionModule: vi.fn() }));

const dataset = fixtureDataset();

/** card.js, faked: it records what it is asked to draw, and draws a dialog with one button. */
function fakeUi() {
  const drawn: (HoverCardProps | null)[] = [];
  const placed = vi.fn(() => () => undefined);
  const ui = {
    CARD_CSS: '.card{}',
    renderCard(mount: ShadowRoot, props: HoverCardProps | null) {
      drawn.push(props);
      mount.querySelector('.card')?.remove();
      if (!props) return;
      const card = document.createElement('div');
      card.className = 'card';
      const button = document.createElement('button');
      button.textContent = props.model.name;
      card.append(button);
      mount.append(card);
    },
    placeCard: placed,
  } as unknown as CardUiModule;
  return { ui, drawn, placed };
}

function hitIn(html: string, entityId: string): MentionHit {
  const paragraph = document.createElement('p');
  paragraph.innerHTML = html;
  document.body.append(paragraph);
  const node = paragraph.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, 0);
  range.setEnd(node, 6);
  return { mention: { id: 1, entityId, node, range, text: node.data.slice(0, 6) }, boxIndex: 0 };
}

function makeHost(today = new Date('2026-06-01T00:00:00Z')) {
  const { ui, drawn, placed } = fakeUi();
  const content = new CardContent(
    async (id, date) => cardModel(dataset, id, date),
    async () => undefined,
  );
  const openTimeline = vi.fn();
  const host = new CardHost({ content, openTimeline, t: (key) => key, loadUi: async () => ui, today: () => today });
  return { host, drawn, placed, openTimeline };
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.querySelectorAll(HOST_SELECTOR).forEach((element) => element.remove());
});

describe('CardHost', () => {
  it('opens a card on a name: placed beside it, with the page theme and the dataset age', async () => {
    const { host, drawn, placed } = makeHost(new Date('2026-11-30T00:00:00Z'));
    const hit = hitIn('TikTok on a light page', 'tiktok');
    expect(await host.open(hit)).toBe(true);
    expect(host.openHit).toBe(hit);
    expect(drawn.at(-1)).toMatchObject({ model: { id: 'tiktok' }, theme: 'light', stale: true });
    expect(placed).toHaveBeenCalledTimes(1);
    expect(document.querySelectorAll(HOST_SELECTOR)).toHaveLength(1);
  });

  it('reads a dark page where the name sits', async () => {
    const { host, drawn } = makeHost();
    const hit = hitIn('Oracle in a dark box', 'oracle');
    hit.mention.node.parentElement!.style.backgroundColor = 'rgb(20, 20, 24)';
    await host.open(hit);
    expect(drawn.at(-1)).toMatchObject({ theme: 'dark', stale: false });
  });

  it('lets the later of two opens win, and a close cancel an open on its way', async () => {
    const { host } = makeHost();
    const first = host.open(hitIn('TikTok one', 'tiktok'));
    const second = host.open(hitIn('Oracle two', 'oracle'));
    expect(await first).toBe(false);
    expect(await second).toBe(true);
    expect(host.openHit!.mention.entityId).toBe('oracle');
    const third = host.open(hitIn('TikTok three', 'tiktok'));
    host.close();
    expect(await third).toBe(false);
    expect(host.openHit).toBeUndefined();
  });

  it('walks to a related card and back, and closes, drawing nothing and hiding the host', async () => {
    const { host, drawn } = makeHost();
    await host.open(hitIn('TikTok here', 'tiktok'));
    drawn.at(-1)!.onOpenEntity('oracle');
    await vi.waitFor(() => expect(drawn.at(-1)!.model.id).toBe('oracle'));
    expect(drawn.at(-1)!.back!.name).toBe('TikTok');
    drawn.at(-1)!.back!.onBack();
    expect(drawn.at(-1)!.model.id).toBe('tiktok');
    expect(drawn.at(-1)!.back).toBeUndefined();
    host.close();
    expect(drawn.at(-1)).toBeNull();
    expect(host.element!.style.getPropertyValue('display')).toBe('none');
  });

  it('takes the focus in and gives it back where it was on close', async () => {
    const { host } = makeHost();
    const field = document.createElement('input');
    document.body.append(field);
    field.focus();
    await host.open(hitIn('TikTok here', 'tiktok'), { focus: true });
    expect(host.hasFocus()).toBe(true);
    host.close();
    expect(document.activeElement).toBe(field);
  });

  it('opens the timeline of the card shown', async () => {
    const { host, drawn, openTimeline } = makeHost();
    await host.open(hitIn('Oracle here', 'oracle'));
    drawn.at(-1)!.onOpenTimeline('oracle');
    expect(openTimeline).toHaveBeenCalledWith('oracle');
  });
});
