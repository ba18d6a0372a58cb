/** The manifest's keyboard command (Alt+Shift+B unless the user changed it), named once for every context. */
export const NEXT_MENTION_COMMAND = 'next-mention';
