/**
 * Every string a user reads comes from `_locales/<lang>/messages.json` through here. The keys are
 * typed from the English file, so a missing or misspelt key does not compile.
 */
import type messages from '../_locales/en/messages.json';
import { extensionApi } from './extension-api';

export type MessageKey = keyof typeof messages;

/** Looks a message up, with its `$1`… substitutions. */
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export const t: Translate = (key, ...substitutions) => extensionApi().i18n.getMessage(key, substitutions) || key;
