// When recognizers disagree about a stretch of text, one finding survives: the requester's, then the longer.
import { mergeSpans } from '../../src/pii/spanMerge';
import type { Span } from '../../src/pii/types';

const span = (start: number, end: number, owner: Span['owner'], type: Span['type'] = 'person'): Span => ({ start, end, type, owner, score: 0.9 });

describe('overlapping findings', () => {
  it("keep the requester's finding over a longer one of someone else", () => {
    expect(mergeSpans([span(0, 30, 'other', 'email'), span(5, 10, 'requester')])).toEqual([span(5, 10, 'requester')]);
  });

  it('keep the longer finding when both belong to the same person', () => {
    expect(mergeSpans([span(10, 15, 'requester'), span(4, 20, 'requester', 'profile_url')])).toEqual([span(4, 20, 'requester', 'profile_url')]);
  });

  it('come out sorted by position, with findings that only touch both kept', () => {
    const merged = mergeSpans([span(20, 25, 'other'), span(0, 10, 'other'), span(10, 20, 'requester'), span(12, 14, 'other')]);
    expect(merged.map((s) => [s.start, s.end])).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
  });
});
