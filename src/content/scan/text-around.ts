import { NEAR_CHARS, type Surroundings } from '../../core/disambiguate';

/** Elements that sit inside a line of text: a name's sentence goes on through them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** Elements whose text is not part of the sentence around them. */
const NOT_PROSE = new Set(['script', 'style', 'noscript', 'template']);

/**
 * The text on either side of `node.data[start, end)`, at most `radius` characters each, reaching
 * into the neighbouring text of the same paragraph: a name is often a link of its own (`the tech
 * giant <a>Oracle</a>, which…`). Its cost is the radius, never the paragraph's length.
 */
export function textAround(node: Text, start: number, end: number, radius = NEAR_CHARS): Surroundings {
  let before = node.data.slice(Math.max(0, start - radius), start);
  let after = node.data.slice(end, end + radius);
  if (before.length < radius || after.length < radius) {
    const paragraph = paragraphOf(node);
    if (paragraph) {
      // Code in the paragraph is passed over whole, never climbed out of text by text: a
      // paragraph may be thousands of inline elements deep.
      const walker = node.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
        acceptNode: (near) =>
          near.nodeType === Node.TEXT_NODE
            ? NodeFilter.FILTER_ACCEPT
            : NOT_PROSE.has((near as Element).localName)
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_SKIP,
      });
      walker.currentNode = node;
      for (let text = walker.previousNode(); text && before.length < radius; text = walker.previousNode()) {
        before = (text as Text).data.slice(-(radius - before.length)) + before;
      }
      walker.currentNode = node;
      for (let text = walker.nextNode(); text && after.length < radius; text = walker.nextNode()) {
        after += (text as Text).data.slice(0, radius - after.length);
      }
    }
  }
  return { before, after };
}

/** The nearest ancestor that is not inline: the paragraph, list item or cell the text is in. */
function paragraphOf(node: Text): Element | null {
  let element = node.parentElement;
  while (element && INLINE.has(element.localName)) element = element.parentElement;
  return element;
}
