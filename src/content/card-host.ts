import type { CardModel } from '../core/card-model';
import type { EntityId } from '../core/dataset-types';
import type { HighlightStyle } from '../core/settings';
import { importExtensionModule } from '../shared/browser';
import type { Translate } from '../shared/i18n';
import type * as CardUi from './card-ui';
import { STYLE_ATTRIBUTE } from './highlight-styles';
import type { CardFeedbackActions } from './card-feedback';
import { hitBox, type MentionHit } from './mention-at-point';

/** The card's UI module (card.js): Preact, the card and Floating UI, loaded on first need. */
export type CardUiModule = typeof CardUi;

/**
 * Loads card.js into the content script's world. It is a web-accessible resource; in Chromium
 * only through the per-session URL `runtime.getURL` gives, so pages cannot probe for it.
 */
export const loadCardUi = (): Promise<CardUiModule> => importExtensionModule<CardUiModule>('card.js');

/** Gets what an entity's card shows (from the background, which holds the dataset). */
export type LoadCardModel = (entityId: EntityId) => Promise<CardModel | undefined>;

/**
 * The one element Backstory adds to a page: a host with a closed shadow root in which the card
 * is drawn with its own styles. Created on the first card, re-attached if the page removed it.
 */
export class CardHost {
  readonly #loadModel: LoadCardModel;
  readonly #loadUi: () => Promise<CardUiModule>;
  #uiLoading: Promise<CardUiModule> | undefined;
  /** The card's UI, once loaded: every card drawn has it. */
  #ui: CardUiModule | undefined;
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
  /** What the card's feedback buttons do; none, no buttons. */
  #feedback: CardFeedbackActions | undefined;
  /** Bumped by every open and close, so a late answer cannot open a card no one wants now. */
  #generation = 0;

  constructor(
    loadModel: LoadCardModel,
    openTimeline: (entityId: EntityId) => void,
    t: Translate,
    loadUi: () => Promise<CardUiModule> = loadCardUi,
  ) {
    this.#loadModel = loadModel;
    this.#loadUi = loadUi;
    this.#openTimeline = openTimeline;
    this.#t = t;
  }

  /**
   * Starts getting a card's content, and the card's UI the first time, while the pointer rests,
   * so both are there when the delay ends.
   */
  prefetch(entityId: EntityId): void {
    void this.#model(entityId);
    this.#loadedUi().catch(() => undefined);
  }

  /** Gives the cards "Report a problem" and "Not about this company here". */
  setFeedback(actions: CardFeedbackActions): void {
    this.#feedback = actions;
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

  /** Opens the card of `hit`; resolves to whether it opened (a later open or close wins). */
  async open(hit: MentionHit, options: { focus: boolean } = { focus: false }): Promise<boolean> {
    const generation = ++this.#generation;
    const [model, ui] = await Promise.all([this.#model(hit.mention.entityId), this.#loadedUi()]);
    if (!model || generation !== this.#generation) return false;
    const mount = this.#ensureHost(ui);
    this.#hit = hit;
    this.#trail = [model];
    this.#render();
    this.#follow(hit, mount);
    if (options.focus) this.focus();
    return true;
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
    if (this.#mount) this.#ui?.renderCard(this.#mount, null);
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

  /** The card's UI, loaded once (a failed load is tried again at the next card). */
  #loadedUi(): Promise<CardUiModule> {
    this.#uiLoading ??= this.#loadUi().then(
      (ui) => (this.#ui = ui),
      (error: unknown) => {
        this.#uiLoading = undefined;
        throw error;
      },
    );
    return this.#uiLoading;
  }

  #ensureHost(ui: CardUiModule): ShadowRoot {
    const host = this.#host ?? this.#createHost();
    if (!host.isConnected) document.documentElement.append(host);
    host.style.removeProperty('display');
    const mount = this.#mount as ShadowRoot;
    // The host may exist before the card's UI (for a highlight style): its styles come with the UI.
    if (!mount.querySelector('style')) {
      const style = document.createElement('style');
      style.textContent = ui.CARD_CSS;
      mount.prepend(style);
    }
    return mount;
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
    if (!mount || !model || !this.#ui) return;
    const previous = this.#trail.at(-2);
    const hit = this.#hit;
    const feedback = this.#feedback;
    this.#ui.renderCard(mount, {
      model,
      t: this.#t,
      onOpenEntity: (id) => void this.#openRelated(id),
      onOpenTimeline: this.#openTimeline,
      onClose: () => this.close(),
      ...(previous && { back: { name: previous.name, onBack: () => this.#show(this.#trail.slice(0, -1)) } }),
      ...(!previous &&
        hit &&
        feedback && {
          feedback: {
            onReport: () => feedback.report(hit.mention),
            onNotAbout: () => {
              feedback.notAbout(model.id);
              this.close();
            },
          },
        }),
    });
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
    if (!card || !this.#ui) return;
    this.#stopFollowing = this.#ui.placeCard(
      {
        getBoundingClientRect: () => hitBox(hit),
        contextElement: hit.mention.node.parentElement ?? document.documentElement,
      },
      card,
    );
  }
}
