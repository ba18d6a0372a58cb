/** A node's parent, or the host of a shadow root: the way up through shadow boundaries. */
export const composedParent = (node: Node): Node | null => node.parentNode ?? (node as ShadowRoot).host ?? null;

/**
 * Whether a node or one of its ancestors passes `test`, remembered for every node on the way up,
 * so asking it of many nodes of one deep tree costs each ancestor once, not once per node (30,000
 * nodes 4,000 levels deep would otherwise be a hundred million steps). Valid while the DOM does
 * not change: make one per batch of work.
 */
export function ancestorTest(
  test: (node: Node) => boolean,
  parentOf: (node: Node) => Node | null = (node) => node.parentNode,
): (node: Node | null) => boolean {
  const known = new Map<Node, boolean>();
  return (start) => {
    const path: Node[] = [];
    let result = false;
    for (let node = start; node; node = parentOf(node)) {
      const seen = known.get(node);
      if (seen !== undefined) {
        result = seen;
        break;
      }
      path.push(node);
      if (test(node)) {
        result = true;
        break;
      }
    }
    for (const node of path) known.set(node, result);
    return result;
  };
}

/**
 * The nodes of `nodes` that no other one of them contains, through shadow roots too: the roots to
 * read so that nothing is read twice. A DOM built level by level adds thousands of nested nodes.
 */
export function highest(nodes: ReadonlySet<Node>): Node[] {
  const inside = ancestorTest((node) => nodes.has(node), composedParent);
  return [...nodes].filter((node) => !inside(composedParent(node)));
}
