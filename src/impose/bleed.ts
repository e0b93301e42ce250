import { laidNode, placeNodes, translateNode, type Item, type LaidNode, type LaidPage, type PageBox } from '../layout/items.js';
import { mm } from '../contract/page-sizes.js';
import { horizontalMark, marksNode, verticalMark } from './marks.js';

/** Crop marks start this far outside the bleed, and are this long (points). */
const MARK_GAP = 2;
const MARK_LENGTH = mm(6);
const SLUG_PAD = 4;
/** A background this close to an edge of the trim (points) counts as touching it. */
const EDGE = 0.5;

/**
 * The page on a larger sheet for a print shop: the designed page is the
 * trim box, `bleedMm` around it is the bleed box, and crop marks outside
 * the bleed show where to cut. The page's content does not move relative
 * to the trim; a background that touches the trim's edge reaches on into
 * the bleed, so a cut a little off the line leaves no white sliver.
 */
export function addBleed(page: LaidPage, bleedMm: number): LaidPage {
  const bleed = mm(bleedMm);
  const markStart = bleed + MARK_GAP;
  const slug = markStart + MARK_LENGTH + SLUG_PAD;
  const trim: PageBox = { x: slug, y: slug, width: page.width, height: page.height };
  const bleedBox: PageBox = { x: slug - bleed, y: slug - bleed, width: page.width + 2 * bleed, height: page.height + 2 * bleed };
  const nodes = placeNodes(bleedBackgrounds(page.nodes, page, bleed).map((node) => translateNode(node, slug, slug)));
  return {
    ...page,
    width: page.width + 2 * slug,
    height: page.height + 2 * slug,
    nodes: [...nodes, cropMarks(trim, markStart)],
    boxes: { trim, bleed: bleedBox },
  };
}

/** Two marks at each corner of the trim, in line with its edges, starting `start` outside it. */
function cropMarks(trim: PageBox, start: number) {
  const left = trim.x;
  const right = trim.x + trim.width;
  const top = trim.y;
  const bottom = trim.y + trim.height;
  const far = start + MARK_LENGTH;
  return marksNode(
    [left, right].flatMap((x) => {
      const out = x === left ? -1 : 1;
      return [top, bottom].flatMap((y) => {
        const down = y === top ? -1 : 1;
        return [horizontalMark(x + out * start, x + out * far, y), verticalMark(x, y + down * start, y + down * far)];
      });
    }),
  );
}

/**
 * Nodes (placed: offsets applied) whose filled rectangles touching an edge
 * of a `size` piece (a page, or one card) reach `bleed` points past it.
 * Text, QR codes and strokes stay where they are.
 */
export function bleedBackgrounds(nodes: readonly LaidNode[], size: { width: number; height: number }, bleed: number): LaidNode[] {
  const reach = (item: Item): Item => {
    if (item.type !== 'rect' || !item.fill || bleed === 0) return item;
    const left = item.x <= EDGE ? bleed + item.x : 0;
    const top = item.y <= EDGE ? bleed + item.y : 0;
    const right = item.x + item.width >= size.width - EDGE ? bleed + size.width - item.x - item.width : 0;
    const bottom = item.y + item.height >= size.height - EDGE ? bleed + size.height - item.y - item.height : 0;
    if (left + top + right + bottom === 0) return item;
    return { ...item, x: item.x - left, y: item.y - top, width: item.width + left + right, height: item.height + top + bottom };
  };
  const visit = (node: LaidNode): LaidNode => laidNode(node.role, node.items.map(reach), node.children.map(visit), node.lang, node.alt);
  return placeNodes(nodes).map(visit);
}
