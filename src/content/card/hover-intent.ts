import { afterDelay, type CancelDelay } from '../after-delay';
import type { CardHost } from './card-host';
import type { HighlightRegistry } from '../highlight/highlight-registry';
import { startPaintMeasure } from './measure-paint';
import { mentionAtPoint, type MentionHit } from './mention-at-point';
import { guarded, logError } from '../log-error';
import { CARD_MEASURE } from '../../shared/public-names';

export interface HoverIntentOptions {
  readonly registry: HighlightRegistry;
  readonly card: CardHost;
  /** How long the pointer rests on a name before its card opens. */
  readonly openDelayMs: number;
  /** How long the card stays after the pointer leaves the name, so it can reach the card. */
  readonly closeGraceMs: number;
  readonly signal: AbortSignal;
}

/**
 * Opens a name's card when the pointer rests on it, keeps it while the pointer travels into the
 * card, and closes it when the pointer leaves or on Escape. Tab moves into an open card.
 * On a touch screen a tap on a name opens its card at once (the page's own tap on it, a link,
 * waits for a second tap) and a tap elsewhere closes it.
 * The pointer is read at most once a frame, and the caret lookup runs only over elements whose
 * own text holds a mention, so moving over the rest of the page costs next to nothing. Events a
 * page script dispatches (never trusted) are ignored: a page cannot open, close or enter a card.
 */
export function startHoverIntent(options: HoverIntentOptions): void {
  const { registry, card, openDelayMs, closeGraceMs, signal } = options;
  let pointer: { x: number; y: number; target: EventTarget | null } | undefined;
  let frame = 0;
  let pending: { hit: MentionHit; cancel: CancelDelay } | undefined;
  let closing: CancelDelay | undefined;

  const cancelPending = (): void => {
    pending?.cancel();
    pending = undefined;
  };
  const cancelClose = (): void => {
    closing?.();
    closing = undefined;
  };
  const scheduleClose = (): void => {
    if (!card.openHit || closing !== undefined || card.hasFocus()) return;
    closing = afterDelay(
      closeGraceMs,
      guarded(() => {
        closing = undefined;
        card.close();
      }),
    );
  };

  /** The mention at a point, looked up only over elements whose own text holds one. */
  const mentionAt = (x: number, y: number, target: EventTarget | null): MentionHit | undefined => {
    const element = target as Element | null;
    return element?.nodeType === Node.ELEMENT_NODE && registry.holdsMentions(element)
      ? mentionAtPoint(registry, x, y, element)
      : undefined;
  };

  const check = guarded(() => {
    frame = 0;
    if (!pointer) return;
    // The page removed our host while a card was open: that card is gone, so this hover may open it again.
    if (card.openHit && !card.isAttached()) card.close();
    if (card.contains(pointer.target)) {
      cancelPending();
      cancelClose();
      return;
    }
    const hit = mentionAt(pointer.x, pointer.y, pointer.target);
    if (!hit) {
      cancelPending();
      scheduleClose();
      return;
    }
    if (card.openHit?.mention === hit.mention) {
      cancelClose();
      return;
    }
    if (pending?.hit.mention === hit.mention) return;
    cancelPending();
    card.prefetch(hit.mention.entityId);
    pending = {
      hit,
      cancel: afterDelay(
        openDelayMs,
        guarded(() => {
          const ready = pending?.hit;
          pending = undefined;
          if (!ready) return;
          cancelClose();
          const painted = startPaintMeasure(CARD_MEASURE);
          card.open(ready).then(painted).catch(logError);
        }),
      ),
    };
  });

  const onPointerMove = guarded((event: PointerEvent) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    pointer = { x: event.clientX, y: event.clientY, target: event.composedPath()[0] ?? event.target };
    if (frame === 0) frame = requestAnimationFrame(check);
  });

  const onPointerLeavePage = guarded((event: PointerEvent) => {
    if (!event.isTrusted || event.relatedTarget !== null) return;
    pointer = undefined;
    cancelPending();
    scheduleClose();
  });

  const onKeyDown = guarded((event: KeyboardEvent) => {
    if (!event.isTrusted || !card.openHit) return;
    if (event.key === 'Escape') {
      cancelPending();
      cancelClose();
      card.close();
    } else if (event.key === 'Tab' && !event.shiftKey && !card.hasFocus()) {
      // An open card is the next stop for the keyboard, then Tab goes on through the page.
      event.preventDefault();
      cancelClose();
      card.focus();
    }
  });

  /** Which kind of pointer pressed last: a click that follows a touch is a tap. */
  let lastPointerType = '';
  const onPointerDown = guarded((event: PointerEvent) => {
    if (event.isTrusted) lastPointerType = event.pointerType;
  });

  const onTap = guarded((event: MouseEvent) => {
    if (!event.isTrusted || lastPointerType !== 'touch') return;
    const target = event.composedPath()[0] ?? event.target;
    if (card.contains(target)) return;
    const hit = mentionAt(event.clientX, event.clientY, target);
    if (!hit) {
      if (card.openHit) card.close();
      return;
    }
    // The second tap on the name whose card is open is the page's: a link under it is followed.
    if (card.openHit?.mention === hit.mention) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    cancelPending();
    cancelClose();
    const painted = startPaintMeasure(CARD_MEASURE);
    card.open(hit).then(painted).catch(logError);
  });

  const onFocusOut = guarded((event: FocusEvent) => {
    if (!event.isTrusted) return;
    // Focus left the card for the page: the card has done its job.
    queueMicrotask(() => {
      if (card.openHit && !card.hasFocus() && !pointer) card.close();
    });
  });

  const listen = { capture: true, passive: true, signal } as const;
  document.addEventListener('pointermove', onPointerMove, listen);
  document.addEventListener('pointerout', onPointerLeavePage, listen);
  document.addEventListener('keydown', onKeyDown, { capture: true, signal });
  document.addEventListener('focusout', onFocusOut, listen);
  document.addEventListener('pointerdown', onPointerDown, listen);
  // Not passive: the first tap on a name opens its card instead of doing what the page would.
  document.addEventListener('click', onTap, { capture: true, signal });
  signal.addEventListener(
    'abort',
    () => {
      cancelPending();
      cancelClose();
      cancelAnimationFrame(frame);
      card.close();
    },
    { once: true },
  );
}
