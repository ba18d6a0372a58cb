import type { CardModel } from '../../core/card-model';
import { isDatasetStale } from '../../core/dataset-age';
import type { EntityId } from '../../core/dataset-types';
import type { HighlightStyle } from '../../core/settings';
import type { Translate } from '../../shared/i18n';
import type { CardContent } from './card-content';
import { HostElement } from './card-host-element';
import type * as CardUi from './card-ui';
import { STYLE_ATTRIBUTE } from '../highlight/highlight-styles';
import { onDemand } from '../on-demand/load';
import type { CardFeedbackActions } from './card-feedback';
import { hitBox, type MentionHit } from './mention-at-point';
import { pageTheme, type PageTheme } from './page-theme';

/** The card's UI module (card.js): Preact, the card and Floating UI, loaded on first need. */
export type CardUiModule = typeof CardUi;

/** Loads card.js into the content script's world (see on-demand/load.ts). */
export const loadCardUi = onDemand('card.js');

/** What a CardHost works with; the defaults are the real ones. */
export interface CardHostParts {
  readonly content: CardContent;
  readonly openTimeline: (entityId: EntityId) => void;
  readonly t: Translate;
  readonly loadUi?: () => Promise<CardUiModule>;
  readonly element?: HostElement;
  readonly today?: () => Date;
}

/**
 * The card's life on a page: opens it on a name, placed beside it; closes it; walks the trail of
 * related cards and back; moves focus in and returns it. The element it is drawn in is
 * HostElement's; what it shows comes from CardContent.
 */
export class CardHost {
  readonly #content: CardContent;
  readonly #openTimeline: (entityId: EntityId) => void;
  readonly #t: Translate;
  readonly #loadUi: () => Promise<CardUiModule>;
  readonly #element: HostElement;
  readonly #today: () => Date;
  /** The card's UI, once loaded: every card drawn has it. */
  #ui: CardUiModule | undefined;
  #hit: MentionHit | undefined;
  #theme: PageTheme = 'light';
  #stopFollowing: (() => void) | undefined;
  #returnFocus: Element | null = null;
  /** The card shown, last, after the cards it was reached from through related-entity links. */
  #trail: CardModel[] = [];
  /** What the card's feedback buttons do; none, no buttons. */
  #feedback: CardFeedbackActions | undefined;
  /** Bumped by every open and close, so a late answer cannot open a card no one wants now. */
  #generation = 0;

  constructor(parts: CardHostParts) {
    this.#content = parts.content;
    this.#openTimeline = parts.openTimeline;
    this.#t = parts.t;
    this.#loadUi = parts.loadUi ?? loadCardUi;
    this.#element = parts.element ?? new HostElement();
    this.#today = parts.today ?? (() => new Date());
  }

  /** Starts getting a card's content, and the card's UI the first time, while the pointer rests. */
  prefetch(entityId: EntityId): void {
    this.#content.prefetch(entityId);
    this.#loadUi().catch(() => undefined);
  }

  /** Gives the cards "Report a problem" and "Not about this company here". */
  setFeedback(actions: CardFeedbackActions): void {
    this.#feedback = actions;
  }

  /** Forgets the cards' content: it depends on the page's date, which a navigation may change. */
  forgetModels(): void {
    this.#content.forget();
  }

  /** The host element, once created; the scanner skips it. */
  get element(): HTMLElement | undefined {
    return this.#element.element;
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
    return this.#element.isAttached();
  }

  /** Whether `node` (as events see it from the page: the host) belongs to the card. */
  contains(node: EventTarget | null): boolean {
    return node !== null && node === this.#element.element;
  }

  hasFocus(): boolean {
    const host = this.#element.element;
    return host !== undefined && document.activeElement === host;
  }

  /** Opens the card of `hit`; resolves to whether it opened (a later open or close wins). */
  async open(hit: MentionHit, options: { focus: boolean } = { focus: false }): Promise<boolean> {
    const generation = ++this.#generation;
    const [model, ui] = await Promise.all([this.#content.model(hit.mention.entityId), this.#loadedUi()]);
    if (!model || generation !== this.#generation) return false;
    const mount = this.#element.show(ui.CARD_CSS);
    this.#hit = hit;
    this.#theme = pageTheme(hit.mention.node.parentElement);
    this.#trail = [model];
    this.#render();
    this.#follow(hit, mount);
    if (options.focus) this.focus();
    return true;
  }

  /** Moves focus into the card, remembering where it was so closing can return it. */
  focus(): void {
    const root = this.#element.root;
    if (!root) return;
    // The first place focus left for the card is where closing returns it: a card redrawn for
    // the next mention may drop focus to the body on its way, which is no place to return to.
    if (!this.hasFocus() && !this.#returnFocus) this.#returnFocus = document.activeElement;
    root.querySelector<HTMLElement>('a[href], button')?.focus();
  }

  close(): void {
    this.#generation++;
    if (!this.#hit) return;
    const hadFocus = this.hasFocus();
    this.#hit = undefined;
    this.#trail = [];
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
    const root = this.#element.root;
    if (root) this.#ui?.renderCard(root, null);
    this.#element.hide();
    if (hadFocus && this.#returnFocus instanceof HTMLElement) this.#returnFocus.focus({ preventScroll: true });
    this.#returnFocus = null;
  }

  /**
   * Switches how highlights look: the manifest's CSS keys the styles on an attribute of the host
   * (see highlight-styles.ts), so a style other than the default needs the host in the page.
   */
  setHighlightStyle(style: HighlightStyle): void {
    this.#element.setAttribute(STYLE_ATTRIBUTE, style === 'background' ? null : style);
  }

  /** Removes the host from the page for good. */
  destroy(): void {
    this.close();
    this.#element.destroy();
  }

  async #loadedUi(): Promise<CardUiModule> {
    return (this.#ui = await this.#loadUi());
  }

  #render(): void {
    const root = this.#element.root;
    const model = this.#trail.at(-1);
    if (!root || !model || !this.#ui) return;
    const previous = this.#trail.at(-2);
    const hit = this.#hit;
    const feedback = this.#feedback;
    this.#ui.renderCard(root, {
      model,
      t: this.#t,
      theme: this.#theme,
      stale: isDatasetStale(model.asOf, this.#today()),
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
    const model = await this.#content.model(entityId);
    if (model && generation === this.#generation) this.#show([...this.#trail, model]);
  }

  #show(trail: CardModel[]): void {
    this.#trail = trail;
    this.#render();
    this.#element.root?.querySelector<HTMLElement>('.body')?.scrollTo({ top: 0 });
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
