/** A mention in its context, split so the name can be shown apart, all as plain text. */
export interface Snippet {
  readonly before: string;
  readonly name: string;
  readonly after: string;
}

/**
 * The words around `text.slice(start, end)`: at most `radius` characters on each side, cut at a
 * sentence end where one is near, else at a word boundary, with an ellipsis where text was cut.
 */
export function snippetAround(text: string, start: number, end: number, radius = 80): Snippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  const head = text.slice(from, start);
  const sentenceStart = head.search(/[.!?]["”’)]?\s+(?=\S[^.!?]*$)/u);
  if (sentenceStart >= 0) from += head.slice(sentenceStart).search(/\s\S/u) + sentenceStart + 1;
  else if (from > 0) from += Math.max(0, head.search(/\s/u) + 1);
  const tail = text.slice(end, to);
  const sentenceEnd = tail.search(/[.!?]["”’)]?(\s|$)/u);
  if (sentenceEnd >= 0) to = end + sentenceEnd + (tail.slice(sentenceEnd).match(/^[.!?]["”’)]?/u)?.[0].length ?? 1);
  else if (to < text.length) to = end + Math.max(0, tail.lastIndexOf(' '));
  const clean = (s: string) => s.replace(/\s+/gu, ' ');
  const before = clean(text.slice(from, start)).trimStart();
  const after = clean(text.slice(end, to)).trimEnd();
  return {
    before: (from > 0 && sentenceStart < 0 ? '…' : '') + before,
    name: text.slice(start, end),
    after: after + (to < text.length && sentenceEnd < 0 ? '…' : ''),
  };
}
