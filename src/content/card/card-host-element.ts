/**
 * The one element Backstory adds to a page, and its closed shadow root.
 *
 * It is a plain `<div>` told apart by an attribute, not a custom element: a page may define any
 * custom element name before we create ours, and then, with `attachInternals()` in its
 * constructor, read our closed root through `ElementInternals.shadowRoot` (or make
 * `attachShadow` throw with `disabledFeatures`). No page can define a built-in element.
 */
import { HOST_ATTRIBUTE } from '../../shared/public-names';

/** Inline and !important, so that page rules on `div` can neither move nor hide the host. */
const HOST_STYLE = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['z-index', '2147483647'],
] as const;

/** Creates, shows, hides and removes the host; the card is drawn into {@link HostElement.root}. */
export class HostElement {
  #host: HTMLDivElement | undefined;
  #root: ShadowRoot | undefined;

  /** The host, once created: the scanner skips it, events from the card come from it. */
  get element(): HTMLElement | undefined {
    return this.#host;
  }

  get root(): ShadowRoot | undefined {
    return this.#root;
  }

  /** Whether the host is in the page (a page may remove elements it did not create). */
  isAttached(): boolean {
    return this.#host?.isConnected === true;
  }

  /** The shadow root, shown, its host put (back) in the page, with `css` as its style sheet. */
  show(css: string): ShadowRoot {
    const root = this.#ensure();
    this.#host?.style.removeProperty('display');
    if (!root.querySelector('style')) {
      const style = document.createElement('style');
      style.textContent = css;
      root.prepend(style);
    }
    return root;
  }

  hide(): void {
    this.#host?.style.setProperty('display', 'none', 'important');
  }

  /** Sets (or, given null, removes) an attribute the manifest's CSS reads; creates the host if needed. */
  setAttribute(name: string, value: string | null): void {
    if (value === null) {
      this.#host?.removeAttribute(name);
      return;
    }
    this.#ensure();
    this.#host?.setAttribute(name, value);
  }

  destroy(): void {
    this.#host?.remove();
    this.#host = undefined;
    this.#root = undefined;
  }

  #ensure(): ShadowRoot {
    if (!this.#host || !this.#root) {
      const host = document.createElement('div');
      host.setAttribute(HOST_ATTRIBUTE, '');
      for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
      host.style.setProperty('display', 'none', 'important');
      this.#root = host.attachShadow({ mode: 'closed' });
      this.#host = host;
    }
    if (!this.#host.isConnected) document.documentElement.append(this.#host);
    return this.#root;
  }
}
