import { describe, expect, it } from 'vitest';
import { padForDuplex } from '../../src/impose/duplex-pages.js';
import type { LaidPage } from '../../src/layout/items.js';

const page = (side?: 'front' | 'back'): LaidPage => ({ width: 612, height: 792, nodes: [], ...(side ? { side } : {}) });
const sides = (pages: readonly LaidPage[]) => pages.map((laid) => laid.side ?? (laid.nodes.length === 0 ? '·' : '?'));

describe('blank pages so that every duplex piece starts a sheet of paper', () => {
  it('puts a blank before a front that would land on an even page, and none before one on an odd page', () => {
    expect(sides(padForDuplex([page(), page('front'), page('back')]))).toEqual(['·', '·', 'front', 'back']);
    expect(sides(padForDuplex([page(), page(), page('front'), page('back')]))).toEqual(['·', '·', 'front', 'back']);
    expect(padForDuplex([page(), page(), page('front'), page('back')])).toHaveLength(4);
  });

  it('counts the pages the file already holds, as a combined file does', () => {
    expect(padForDuplex([page('front'), page('back')], 3)).toHaveLength(3);
    expect(padForDuplex([page('front'), page('back')], 4)).toHaveLength(2);
    // Several pairs in a row need nothing between them.
    expect(padForDuplex([page('front'), page('back'), page('front'), page('back')], 1)).toHaveLength(5);
  });

  it('makes the blank the size of the front it stands before', () => {
    const front: LaidPage = { width: 595, height: 842, nodes: [], side: 'front' };
    const [blank] = padForDuplex([page(), front]).slice(1);
    expect([blank!.width, blank!.height, blank!.side]).toEqual([595, 842, undefined]);
  });
});
