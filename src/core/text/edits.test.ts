import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits, diffText } from './edits';

describe('diffText', () => {
  it('gives one edit that turns a into b, and nothing for equal texts', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const d = diffText(a, b);
        if (a === b) return d === undefined;
        return d !== undefined && applyEdits(a, [d]) === b;
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the common prefix and suffix out of the edit', () => {
    expect(diffText('disk = [ a ]', 'disk = [ ab ]')).toEqual({ from: 10, to: 10, insert: 'b' });
    expect(diffText('aaa', 'aa')).toEqual({ from: 2, to: 3, insert: '' });
  });
});
