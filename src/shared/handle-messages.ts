/**
 * The one way a context answers messages: typed by a direction's map (shared/messages.ts) and
 * checked by its checks (shared/message-checks.ts), over the browser's own API
 * (shared/extension-api.ts), so that answering needs no webextension-polyfill: the background,
 * the engine and the sentinel can all use it, and content.js stays small.
 */
import type { Runtime } from './browser';
import { answerMessages } from './extension-api';
import type { Handlers, MessageChecks } from './messages';
import { MessageError, type ParamsCheck } from './validate-message';

/**
 * Answers the messages of one direction until `signal` aborts. A message from a sender the
 * direction does not allow, or with params its check refuses, is answered with an error the
 * sender sees (its promise rejects), and never reaches the handler; the handler gets the params
 * as the check rebuilt them. A handler that throws or rejects is the sender's error too.
 */
export function handleMessages<Map>(handlers: Handlers<Map>, checks: MessageChecks<Map>, signal: AbortSignal): void {
  answerMessages((message, sender) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const type = message.type as keyof Map;
    const handler = handlers[type] as (params: unknown, sender: Runtime.MessageSender) => unknown;
    try {
      const refused = checks.sender(sender);
      if (refused) throw new MessageError(refused);
      const params = (checks.params[type] as ParamsCheck<unknown>)(message.params);
      return Promise.resolve(handler(params, sender));
    } catch (error) {
      if (!(error instanceof MessageError)) return Promise.reject(error);
      return Promise.reject(new MessageError(`Backstory refused the message "${message.type}": ${error.message}`));
    }
  }, signal);
}

function isEnvelope(message: unknown): message is { type: string; params: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
