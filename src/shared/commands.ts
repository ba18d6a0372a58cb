import { browser } from './browser';

/** The manifest's keyboard command (Alt+Shift+B unless the user changed it), named once for every context. */
export const NEXT_MENTION_COMMAND = 'next-mention';

/** The keys the manifest suggests for it (`commands.next-mention.suggested_key.default`). */
export const SUGGESTED_SHORTCUT = 'Alt+Shift+B';

/** Where the browser lets a reader set extension shortcuts, as it should be typed in the address bar. */
export const SHORTCUT_SETTINGS_PAGE =
  __BROWSER__ === 'firefox' ? 'about:addons (⚙ › Manage Extension Shortcuts)' : 'chrome://extensions/shortcuts';

/** The keyboard command's keys, or undefined where none is set (taken by another extension, or removed). */
export async function currentShortcut(): Promise<string | undefined> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === NEXT_MENTION_COMMAND)?.shortcut || undefined;
}

/**
 * Assigns the suggested keys where the browser left the command without any and lets an extension
 * set them (Firefox's `commands.update`). Chromium has no such call: it assigns the suggested keys
 * itself unless another extension holds them, and then only the reader can choose others.
 */
export async function assignSuggestedShortcut(): Promise<void> {
  if (__BROWSER__ !== 'firefox' || (await currentShortcut()) !== undefined) return;
  await browser.commands.update({ name: NEXT_MENTION_COMMAND, shortcut: SUGGESTED_SHORTCUT });
}

/** Opens the browser's page for extension shortcuts (from an extension page, which may open it). */
export async function openShortcutSettings(): Promise<void> {
  if (__BROWSER__ === 'firefox') {
    const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) return commands.openShortcutSettings();
    await browser.tabs.create({ url: 'about:addons' });
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
