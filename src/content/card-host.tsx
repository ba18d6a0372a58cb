import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import { cardModel } from '../core/card-model';
import type { Dataset, EntityId } from '../core/dataset-types';
import type { Translate } from '../shared/i18n';
import { HoverCard } from '../ui/HoverCard';
import cardCss from '../ui/HoverCard.css';
import { hitBox, type MentionHit } from './mention-at-point';

/** Room kept between the card and the viewport's edges, and between the card and the name. */
const EDGE = 8;

/**
 * The one element Backstory adds to a page: a host with a closed shadow root in which the card
 * is drawn with its own styles. Created on the first card, re-attached if the page removed it.
 */
export class CardHost {
  readonly #dataset: Dataset;
  readonly #t: Translate;
  #host: HTMLElement | undefined;
  #mount: ShadowRoot | undefined;
  #hit: MentionHit | undefined;
  #stopFollowing: (() => void) | undefined;
  #returnFocus: Element | null = null;
  /** Cards opened from a related-entity link, to go back to. */
  #trail: EntityId[] = [];

  constructor(dataset: Dataset, t: Translate) {
    this.#dataset = dataset;
    this.#t = t;
  }

  /** The host element, once created; the scanner skips it. */
  get element(): HTMLElement | undefined {
    return this.#host;
  }

  get openHit(): MentionHit | undefined {
    return this.#hit;
  }

  /** Whether `node` (as events see it from the page: the host) belongs to the card. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.#host;
  }

  hasFocus(): boolean {
    return this.#host !== undefined && document.activeElement === this.#host;
  }

  open(hit: MentionHit, options: { focus: boolean } = { focus: false }): void {
    const mount = this.#ensureHost();
    this.#hit = hit;
    this.#trail = [hit.mention.entityId];
    this.#render();
    this.#follow(hit, mount);
    if (options.focus) this.focus();
  }

  /** Moves focus into the card, remembering where it was so closing can return it. */
  focus(): void {
    if (!this.#mount) return;
    if (!this.hasFocus()) this.#returnFocus = document.activeElement;
    const first = this.#mount.querySelector<HTMLElement>('a[href], button');
    first?.focus();
  }

  close(): void {
    if (!this.#hit) return;
    const hadFocus = this.hasFocus();
    this.#hit = undefined;
    this.#trail = [];
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    if (this.#mount) render(null, this.#mount);
    if (this.#host) this.#host.style.setProperty('display', 'none', 'important');
    if (hadFocus && this.#returnFocus instanceof HTMLElement) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  /** Removes the host from the page for good. */
  destroy(): void {
    this.close();
    this.#host?.remove();
    this.#host = undefined;
    this.#mount = undefined;
  }

  #ensureHost(): ShadowRoot {
    if (this.#host && this.#mount) {
      if (!this.#host.isConnected) document.documentElement.append(this.#host);
      this.#host.style.removeProperty('display');
      return this.#mount;
    }
    const host = document.createElement('backstory-card');
    // Inline and !important, so page rules on unknown elements cannot move or hide the host.
    for (const [name, value] of [
      ['all', 'initial'],
      ['position', 'fixed'],
      ['top', '0'],
      ['left', '0'],
      ['width', '0'],
      ['height', '0'],
      ['z-index', '2147483647'],
    ] as const) {
      host.style.setProperty(name, value, 'important');
    }
    const mount = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    mount.append(style);
    document.documentElement.append(host);
    this.#host = host;
    this.#mount = mount;
    return mount;
  }

  #render(): void {
    const mount = this.#mount;
    const current = this.#trail.at(-1);
    const model = current === undefined ? undefined : cardModel(this.#dataset, current);
    if (!mount || !model) return;
    const previous = this.#trail.at(-2);
    const previousModel = previous === undefined ? undefined : cardModel(this.#dataset, previous);
    render(
      <HoverCard
        model={model}
        t={this.#t}
        onOpenEntity={(id) => this.#navigate([...this.#trail, id])}
        onClose={() => this.close()}
        {...(previousModel && {
          back: { name: previousModel.name, onBack: () => this.#navigate(this.#trail.slice(0, -1)) },
        })}
      />,
      mount,
    );
  }

  #navigate(trail: EntityId[]): void {
    this.#trail = trail;
    this.#render();
    this.#mount?.querySelector<HTMLElement>('.card')?.scrollTo({ top: 0 });
    this.focus();
  }

  #follow(hit: MentionHit, mount: ShadowRoot): void {
    this.#stopFollowing?.();
    const card = mount.querySelector<HTMLElement>('.card');
    if (!card) return;
    const reference: VirtualElement = {
      getBoundingClientRect: () => hitBox(hit),
      contextElement: hit.mention.node.parentElement ?? document.documentElement,
    };
    const place = async (): Promise<void> => {
      const { x, y } = await computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: EDGE }),
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
    this.#stopFollowing = autoUpdate(reference, card, () => void place());
  }
}
