import { browser } from '../shared/browser';
import { NEXT_MENTION_COMMAND } from '../shared/commands';
import { sendToTab } from '../shared/messages';

/** Passes the keyboard command to the active tab's page, which moves to its next mention. */
export function startCommands(signal: AbortSignal): void {
  const passOn = async (command: string): Promise<void> => {
    if (command !== NEXT_MENTION_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, 'nextMention', {}).catch(() => undefined);
  };
  const onCommand = (command: string): void => void passOn(command);
  browser.commands.onCommand.addListener(onCommand);
  signal.addEventListener('abort', () => browser.commands.onCommand.removeListener(onCommand), { once: true });
}
