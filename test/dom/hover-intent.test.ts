/**
 * When a card opens and closes (content/card/hover-intent.ts): after the pointer rests on a name
 * for the reader's delay, not when it only passes over; it stays while the pointer travels into
 * it and closes a grace time after the pointer leaves; Escape closes it and Tab enters it; a tap
 * opens it at once; a page's own synthetic events do nothing. The card itself is a fake that
 * records what it was asked; happy-dom lays nothing out, so a one-line layout is stood in for
 * (each character 10 px wide, the line 20 px high).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardHost } from '../../src/content/card/card-host';
import { startHoverIntent } from '../../src/content/card/hover-intent';
import type { MentionHit } from '../../src/content/card/mention-at-point';
import { HighlightRegistry } from '../../src/content/highlight/highlight-registry';
import { useFakeHighlights } from '../support/fake-highlights';

useFakeHighlights();

const OPEN_DELAY = 180;
const CLOSE_GRACE = 300;
const CHAR = 10;
const TEXT = 'Read about TikTok and about Oracle today.';
const TIKTOK = TEXT.indexOf('TikTok');
const ORACLE = TEXT.indexOf('Oracle');

/** The card as hover intent sees it: what it was asked to do, and its own element in the page. */
class FakeCard {
  readonly element = document.body.appendChild(document.createElement('aside'));
  openHit: MentionHit | undefined;
  focused = false;
  readonly opened: string[] = [];
  open = async (hit: MentionHit): Promise<boolean> => {
    this.openHit = hit;
    this.opened.push(hit.mention.range.toString());
    return true;
  };
  close(): void {
    this.openHit = undefined;
    this.focused = false;
  }
  /** The name whose card is open, if one is. */
  get showing(): string | undefined {
    return this.openHit?.mention.range.toString();
  }
  contains = (target: EventTarget | null) => target instanceof Node && this.element.contains(target);
  hasFocus = () => this.focused;
  focus(): void {
    this.focused = true;
  }
  isAttached = () => this.element.isConnected;
  prefetch(): void {}
}

let card: FakeCard;
let paragraph: HTMLParagraphElement;
let controller: AbortController;

/** An event as the browser dispatches it: trusted (a page's own `dispatchEvent` is not). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The pointer (a mouse) at character `index` of the text, or `y` below it, over `target`. */
function pointAt(index: number, { y = 10, target = paragraph as Element, isTrusted = true } = {}): void {
  const event = new PointerEvent('pointermove', {
    clientX: index * CHAR + CHAR / 2,
    clientY: y,
    pointerType: 'mouse',
    bubbles: true,
    composed: true,
  });
  target.dispatchEvent(isTrusted ? trusted(event) : event);
  // Hover intent reads the pointer once a frame.
  vi.advanceTimersByTime(16);
}

beforeEach(() => {
  vi.useFakeTimers();
  paragraph = document.body.appendChild(document.createElement('p'));
  paragraph.textContent = TEXT;
  const text = paragraph.firstChild as Text;
  const registry = new HighlightRegistry();
  registry.add(text, [
    { entityId: 'tiktok', start: TIKTOK, end: TIKTOK + 6 },
    { entityId: 'oracle', start: ORACLE, end: ORACLE + 6 },
  ]);
  // The one-line layout: where the caret falls at a point, and where a name's box is.
  Object.assign(document, {
    caretPositionFromPoint: (x: number, y: number) =>
      y >= 0 && y < 20 ? { offsetNode: text, offset: Math.min(TEXT.length, Math.round(x / CHAR)) } : null,
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const box = new DOMRect(this.startOffset * CHAR, 0, (this.endOffset - this.startOffset) * CHAR, 20);
    return [box] as unknown as DOMRectList;
  });
  card = new FakeCard();
  controller = new AbortController();
  startHoverIntent({
    registry,
    card: card as unknown as CardHost,
    openDelayMs: OPEN_DELAY,
    closeGraceMs: CLOSE_GRACE,
    signal: controller.signal,
  });
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
  document.body.replaceChildren();
});

describe('startHoverIntent', () => {
  it("opens a name's card once the pointer has rested on it for the delay, not before", () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY - 20);
    expect(card.opened).toEqual([]);
    pointAt(TIKTOK + 3);
    vi.advanceTimersByTime(20);
    expect(card.opened).toEqual(['TikTok']);
  });

  it('opens nothing for a pointer that passes over a name, or rests beside one', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY / 2);
    pointAt(TIKTOK - 3);
    vi.advanceTimersByTime(OPEN_DELAY * 5);
    expect(card.opened).toEqual([]);
  });

  it('opens the card of the name the pointer ends on', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY / 2);
    pointAt(ORACLE + 1);
    vi.advanceTimersByTime(OPEN_DELAY);
    expect(card.opened).toEqual(['Oracle']);
  });

  it('keeps the card for a pointer that travels into it, and closes it a grace time after it leaves', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY);
    pointAt(TIKTOK + 20, { y: 30 });
    vi.advanceTimersByTime(CLOSE_GRACE / 2);
    pointAt(0, { y: 40, target: card.element });
    vi.advanceTimersByTime(CLOSE_GRACE * 2);
    expect(card.showing).toBe('TikTok');

    pointAt(0, { y: 300, target: document.body });
    vi.advanceTimersByTime(CLOSE_GRACE - 40);
    expect(card.showing).toBe('TikTok');
    vi.advanceTimersByTime(40);
    expect(card.showing).toBeUndefined();
  });

  it('keeps the card when the pointer comes back to its name within the grace time', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY);
    pointAt(TIKTOK + 20, { y: 30 });
    pointAt(TIKTOK + 4);
    vi.advanceTimersByTime(CLOSE_GRACE * 2);
    expect(card.showing).toBe('TikTok');
    expect(card.opened).toEqual(['TikTok']);
  });

  it('closes the card on Escape, and moves the keyboard into it on Tab', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY);
    const tab = trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    document.body.dispatchEvent(tab);
    expect(card.focused).toBe(true);
    expect(tab.defaultPrevented).toBe(true);
    // Focus in the card keeps it open though the pointer left.
    pointAt(0, { y: 300, target: document.body });
    vi.advanceTimersByTime(CLOSE_GRACE * 2);
    expect(card.showing).toBe('TikTok');

    document.body.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(card.showing).toBeUndefined();
  });

  it('leaves Tab to the page while no card is open', () => {
    const tab = trusted(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true }));
    document.body.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(card.focused).toBe(false);
  });

  it("opens a name's card at once on a tap, which the page does not get, and closes it at a tap elsewhere", () => {
    const tap = (index: number, y = 10) => {
      const at = { clientX: index * CHAR + CHAR / 2, clientY: y, bubbles: true, cancelable: true };
      paragraph.dispatchEvent(trusted(new PointerEvent('pointerdown', { ...at, pointerType: 'touch' })));
      const click = trusted(new MouseEvent('click', at));
      paragraph.dispatchEvent(click);
      return click;
    };
    const pageClicks = vi.fn();
    paragraph.addEventListener('click', pageClicks);
    expect(tap(ORACLE + 2).defaultPrevented).toBe(true);
    expect(card.showing).toBe('Oracle');
    expect(pageClicks).not.toHaveBeenCalled();
    // The second tap on the same name is the page's (a link under it is followed).
    expect(tap(ORACLE + 2).defaultPrevented).toBe(false);
    expect(pageClicks).toHaveBeenCalledTimes(1);
    tap(0, 300);
    expect(card.showing).toBeUndefined();
  });

  it("ignores the page's own synthetic events: they neither open, nor close, nor enter a card", () => {
    pointAt(TIKTOK + 2, { isTrusted: false });
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(card.opened).toEqual([]);

    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    expect(card.showing).toBe('TikTok');
    expect(card.focused).toBe(false);
  });

  it('closes the card and opens no other once stopped', () => {
    pointAt(TIKTOK + 2);
    vi.advanceTimersByTime(OPEN_DELAY);
    pointAt(ORACLE + 2);
    controller.abort();
    expect(card.showing).toBeUndefined();
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    pointAt(ORACLE + 3);
    vi.advanceTimersByTime(OPEN_DELAY * 2);
    expect(card.opened).toEqual(['TikTok']);
  });
});
