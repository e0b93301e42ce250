import { placeNodes, translateNode, type LaidPage, type PageBox } from '../layout/items.js';
import { mm } from '../contract/page-sizes.js';
import { horizontalMark, marksNode, verticalMark } from './marks.js';

/** Crop marks start this far outside the bleed, and are this long (points). */
const MARK_GAP = 2;
const MARK_LENGTH = mm(6);
const SLUG_PAD = 4;

/**
 * The page on a larger sheet for a print shop: the designed page is the
 * trim box, `bleedMm` around it is the bleed box, and crop marks outside
 * the bleed show where to cut. The page's content does not move relative
 * to the trim.
 */
export function addBleed(page: LaidPage, bleedMm: number): LaidPage {
  const bleed = mm(bleedMm);
  const markStart = bleed + MARK_GAP;
  const slug = markStart + MARK_LENGTH + SLUG_PAD;
  const trim: PageBox = { x: slug, y: slug, width: page.width, height: page.height };
  const bleedBox: PageBox = { x: slug - bleed, y: slug - bleed, width: page.width + 2 * bleed, height: page.height + 2 * bleed };
  const nodes = placeNodes(page.nodes.map((node) => translateNode(node, slug, slug)));
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
