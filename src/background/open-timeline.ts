import { browser } from '../shared/browser';

/** Opens the popup's page in a tab, as the full timeline filtered to one entity (no permission needed). */
export async function openTimeline(entityId: string): Promise<undefined> {
  const url = browser.runtime.getURL(`popup.html?view=timeline&entity=${encodeURIComponent(entityId)}`);
  await browser.tabs.create({ url });
  return undefined;
}
