import { browser, type Runtime } from '../shared/browser';
import type { OnDemandFile } from '../shared/on-demand-files';

/**
 * Runs an on-demand module in the content script's world of the frame that asked (its tab and
 * frame, checked by the message's sender rule): the way card.js and page-date.js reach a page
 * whose own scripts are blocked, where the browser refuses the content script's `import()`. Needs
 * the `scripting` permission and host access to the page, which the content script's matches ask
 * for already.
 */
export async function injectModule(file: OnDemandFile, sender: Runtime.MessageSender): Promise<undefined> {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId;
  if (tabId === undefined || frameId === undefined) throw new Error('Only a frame of a tab can ask for a module');
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
  return undefined;
}
