/**
 * Traces a tab over the DevTools protocol and reads the trace back in chunks, event by event, so
 * that no trace is ever one string: mark.js on War and Peace writes one longer than V8's longest
 * string (0x1fffffe8 characters), which puppeteer's `tracing.stop()` would have to build.
 */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type { Page } from 'puppeteer-core';
import type { TraceEvent } from './trace-attribution';

/** A trace being recorded; `stop` ends it and reads its events (and writes it whole to `keep`). */
export interface Tracing {
  stop(keep?: string): Promise<TraceReadout>;
}

export interface TraceReadout {
  readonly events: TraceEvent[];
  /** The trace's size as Chromium wrote it, in bytes. */
  readonly bytes: number;
}

/** Starts tracing `tab` in `categories` (a leading `-` excludes one), streamed when stopped. */
export async function startTracing(tab: Page, categories: readonly string[]): Promise<Tracing> {
  const session = await tab.createCDPSession();
  await session.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: categories.filter((category) => !category.startsWith('-')),
      excludedCategories: ['*', ...categories.filter((c) => c.startsWith('-')).map((c) => c.slice(1))],
    },
  });
  return {
    async stop(keep) {
      try {
        const complete = new Promise<string | undefined>((resolve) =>
          session.once('Tracing.tracingComplete', ({ stream }) => resolve(stream)),
        );
        await session.send('Tracing.end');
        const stream = await complete;
        if (!stream) throw new Error('Chromium returned no trace stream');
        const file = keep ? createWriteStream(keep) : undefined;
        const splitter = new TraceEventSplitter();
        const decoder = new StringDecoder('utf8');
        let bytes = 0;
        try {
          for (;;) {
            const { data, eof, base64Encoded } = await session.send('IO.read', { handle: stream, size: 1 << 20 });
            const chunk = Buffer.from(data, base64Encoded ? 'base64' : 'utf8');
            bytes += chunk.length;
            if (file && !file.write(chunk)) await new Promise<void>((drained) => file.once('drain', () => drained()));
            splitter.push(decoder.write(chunk));
            if (eof) break;
          }
          splitter.push(decoder.end());
        } finally {
          await session.send('IO.close', { handle: stream });
          if (file) {
            file.end();
            await finished(file);
          }
        }
        return { events: splitter.finish(), bytes };
      } finally {
        await session.detach().catch(() => undefined);
      }
    },
  };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;

/**
 * Reads the events of a JSON trace (`{"traceEvents":[{…},{…}],…}`) from text given in pieces,
 * cut anywhere: each event is parsed alone, as soon as its closing brace arrives. What follows the
 * array (Chromium's `metadata`) is not read.
 */
export class TraceEventSplitter {
  readonly #events: TraceEvent[] = [];
  /** Before the array's `[`, then inside it, then past its `]`. */
  #state: 'before' | 'events' | 'after' = 'before';
  /** The text seen while looking for the array's start, in case its key is cut between pieces. */
  #head = '';
  /** The start of an event cut off at the end of the previous piece. */
  #carry = '';
  #depth = 0;
  #inString = false;
  #escaped = false;

  push(text: string): void {
    if (this.#state === 'after' || text === '') return;
    let from = 0;
    if (this.#state === 'before') {
      this.#head += text;
      const key = this.#head.indexOf('"traceEvents"');
      const open = key < 0 ? -1 : this.#head.indexOf('[', key);
      if (open < 0) return;
      text = this.#head;
      from = open + 1;
      this.#head = '';
      this.#state = 'events';
    }
    let start = this.#depth > 0 ? from : -1;
    for (let i = from; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false;
        else if (code === BACKSLASH) this.#escaped = true;
        else if (code === QUOTE) this.#inString = false;
      } else if (code === QUOTE) {
        this.#inString = true;
      } else if (code === OPEN_BRACE) {
        if (this.#depth++ === 0) start = i;
      } else if (code === CLOSE_BRACE) {
        if (--this.#depth === 0) {
          this.#events.push(JSON.parse(this.#carry + text.slice(start, i + 1)) as TraceEvent);
          this.#carry = '';
          start = -1;
        }
      } else if (code === CLOSE_BRACKET && this.#depth === 0) {
        this.#state = 'after';
        return;
      }
    }
    if (this.#depth > 0) this.#carry += text.slice(start);
  }

  /** The events read, once the whole trace was pushed. */
  finish(): TraceEvent[] {
    if (this.#state === 'before') throw new Error('Not a JSON trace: no "traceEvents" array');
    if (this.#depth > 0) throw new Error('The trace ends inside an event');
    return this.#events;
  }
}
