/**
 * Wraps a handler so that it runs only for what the reader did: a page script can dispatch a
 * click or a key press at the card, but never a trusted one.
 */
export const trusted =
  (handler: () => void) =>
  (event: Event): void => {
    if (event.isTrusted) handler();
  };
