/**
 * The site a user pauses Backstory on: the host name of the tab's top document, for every frame
 * of the tab (an embedded frame from another host follows the page it is shown in, as the user
 * sees it). `location.ancestorOrigins` gives it across origins; where a frame cannot know it, its
 * own origin stands in (an about:blank or srcdoc frame has its creator's).
 */
export function tabSite(): string {
  const ancestors = location.ancestorOrigins as DOMStringList | undefined;
  const top = ancestors && ancestors.length > 0 ? ancestors.item(ancestors.length - 1) : null;
  return hostOf(top) || location.hostname || hostOf(self.origin);
}

/** An address's host name, or '' (asked, not caught: a thrown error costs the page a stack trace). */
function hostOf(url: string | null): string {
  return url && URL.canParse(url) ? new URL(url).hostname : '';
}
