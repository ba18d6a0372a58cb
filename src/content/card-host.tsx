import { autoUpdate, computePosition, flip, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { render } from 'preact';
import type { CardModel } from '../core/card-model';
import type { EntityId } from '../core/dataset-types';
import type { HighlightStyle } from '../core/settings';
import type { Translate } from '../shared/i18n';
import { HoverCard } from '../ui/HoverCard';
import cardCss from '../ui/HoverCard.css';
import themeCss from '../ui/theme.css';
import { STYLE_ATTRIBUTE } from './highlight-styles';
import { hitBox, type MentionHit } from './mention-at-point';

/** Room kept between the card and the viewport's edges, and between the card and the name. */
const EDGE = 8;

/** Gets what an entity's card shows (from the background, which holds the dataset). */
export type LoadCardModel = (entityId: EntityId) => Promise<CardModel | undefined>;

/**
 * The one element Backstory adds to a page: a host with a closed shadow root in which the card
 * is drawn with its own styles. Created on the first card, re-attached if the page removed it.
 */
export class CardHost {
  readonly #loadModel: LoadCardModel;
  readonly #openTimeline: (entityId: EntityId) => void;
  readonly #models = new Map<EntityId, Promise<CardModel | undefined>>();
  readonly #t: Translate;
  #host: HTMLElement | undefined;
  #mount: ShadowRoot | undefined;
  #hit: MentionHit | undefined;
  #stopFollowing: (() => void) | undefined;
  #returnFocus: Element | null = null;
  /** The card shown, last, after the cards it was reached from through related-entity links. */
  #trail: CardModel[] = [];
  /** Bumped by every open and close, so a late answer cannot open a card no one wants now. */
  #generation = 0;

  constructor(loadModel: LoadCardModel, openTimeline: (entityId: EntityId) => void, t: Translate) {
    this.#loadModel = loadModel;
    this.#openTimeline = openTimeline;
    this.#t = t;
  }

  /** Starts getting a card's content while the pointer rests, so it is there when the delay ends. */
  prefetch(entityId: EntityId): void {
    void this.#model(entityId);
  }

  /** Forgets the cards' content: it depends on the page's date, which a navigation may change. */
  forgetModels(): void {
    this.#models.clear();
  }

  /** The host element, once created; the scanner skips it. */
  get element(): HTMLElement | undefined {
    return this.#host;
  }

  get openHit(): MentionHit | undefined {
    return this.#hit;
  }

  /**
   * Whether the host is in the page. A page may remove elements it did not create (a framework
   * re-rendering its document): the host is not put back then, which would start a fight with the
   * page, but the next card that opens puts it back.
   */
  isAttached(): boolean {
    return this.#host?.isConnected === true;
  }

  /** Whether `node` (as events see it from the page: the host) belongs to the card. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.#host;
  }

  hasFocus(): boolean {
    return this.#host !== undefined && document.activeElement === this.#host;
  }

  async open(hit: MentionHit, options: { focus: boolean } = { focus: false }): Promise<void> {
    const generation = ++this.#generation;
    const model = await this.#model(hit.mention.entityId);
    if (!model || generation !== this.#generation) return;
    const mount = this.#ensureHost();
    this.#hit = hit;
    this.#trail = [model];
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
    this.#generation++;
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

  /**
   * Switches how highlights look: the manifest's CSS keys the styles on an attribute of this host
   * (see highlight-styles.ts), so a style other than the default needs the host in the page.
   */
  setHighlightStyle(style: HighlightStyle): void {
    if (style === 'background' && !this.#host) return;
    const host = this.#host ?? this.#createHost();
    if (!host.isConnected) document.documentElement.append(host);
    if (style === 'background') host.removeAttribute(STYLE_ATTRIBUTE);
    else host.setAttribute(STYLE_ATTRIBUTE, style);
  }

  /** Removes the host from the page for good. */
  destroy(): void {
    this.close();
    this.#host?.remove();
    this.#host = undefined;
    this.#mount = undefined;
  }

  #ensureHost(): ShadowRoot {
    const host = this.#host ?? this.#createHost();
    if (!host.isConnected) document.documentElement.append(host);
    host.style.removeProperty('display');
    return this.#mount as ShadowRoot;
  }

  #createHost(): HTMLElement {
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
    style.textContent = themeCss + cardCss;
    mount.append(style);
    host.style.setProperty('display', 'none', 'important');
    document.documentElement.append(host);
    this.#host = host;
    this.#mount = mount;
    return host;
  }

  #model(entityId: EntityId): Promise<CardModel | undefined> {
    let model = this.#models.get(entityId);
    if (!model) {
      model = this.#loadModel(entityId);
      this.#models.set(entityId, model);
      // A failed load is not remembered: the next hover asks again.
      model.then(
        (found) => found ?? this.#models.delete(entityId),
        () => this.#models.delete(entityId),
      );
    }
    return model;
  }

  #render(): void {
    const mount = this.#mount;
    const model = this.#trail.at(-1);
    if (!mount || !model) return;
    const previous = this.#trail.at(-2);
    render(
      <HoverCard
        model={model}
        t={this.#t}
        onOpenEntity={(id) => void this.#openRelated(id)}
        onOpenTimeline={this.#openTimeline}
        onClose={() => this.close()}
        {...(previous && {
          back: { name: previous.name, onBack: () => this.#show(this.#trail.slice(0, -1)) },
        })}
      />,
      mount,
    );
  }

  async #openRelated(entityId: EntityId): Promise<void> {
    const generation = this.#generation;
    const model = await this.#model(entityId);
    if (model && generation === this.#generation) this.#show([...this.#trail, model]);
  }

  #show(trail: CardModel[]): void {
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
