/**
 * The card's UI: Preact, the card component, its styles and Floating UI. Built apart as card.js
 * and loaded by the content script when a card is first wanted (see card-host.ts), since it is
 * most of the content script's weight and most pages never show a card.
 */
import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { HoverCard, type HoverCardProps } from '../../ui/HoverCard';
import cardCss from '../../ui/HoverCard.css';
import themeCss from '../../ui/theme.css';

/** Room kept between the card and the viewport's edges, and between the card and the name. */
const EDGE = 8;

/** The card's style sheet, for the shadow root that holds it. */
export const CARD_CSS = themeCss + cardCss;

/** Draws the card into `mount`, or empties it given null. */
export function renderCard(mount: ShadowRoot, props: HoverCardProps | null): void {
  // Keyed by entity: a related card opens short, its "More" closed.
  render(props && <HoverCard key={props.model.id} {...props} />, mount);
}

/**
 * Keeps `card` beside `reference` (below it, else above, else at its side), inside the viewport, as the page
 * scrolls or reflows. Returns the function that stops following.
 */
export function placeCard(reference: VirtualElement, card: HTMLElement): () => void {
  const place = async (): Promise<void> => {
    const { x, y } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(6),
        // Below the name, else above; where neither has room for the whole card (a name in the
        // middle of a short viewport), beside it, so that the card does not have to scroll. Only
        // the main axis decides: shift() keeps the card inside along the other.
        flip({ padding: EDGE, crossAxis: false, fallbackPlacements: ['top-start', 'right-start', 'left-start'] }),
        shift({ padding: EDGE }),
        size({
          padding: EDGE,
          apply({ availableHeight }) {
            card.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
          },
        }),
      ],
    });
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
  };
  return autoUpdate(reference, card, () => void place());
}
