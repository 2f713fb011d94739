import { describe, expect, it } from 'vitest';
import { dequote } from './dequote';
import { SourceOffsets } from './offsets';

/** The offsets one number per character, as dequote used to keep them. */
function perCharacter(src: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let p = from + 1; p < to - 1; ) {
    if (src[p] !== '\\') out.push(p++);
    else if (/[0-7]/.test(src[p + 1]!)) p += 4; // the test strings use three-character octal escapes
    else {
      out.push(p);
      p += 2;
    }
  }
  out.push(to - 1);
  return out;
}

describe('SourceOffsets', () => {
  it('maps every character of a dequoted string, escapes and dropped octals included', () => {
    for (const body of ['', 'abc', '\\\\', 'a\\nb', '\\t\\t', 'a\\123b', '\\123', 'x\\\\:6789\\\\;y', "it\\'s"]) {
      const src = `k = '${body}'`;
      const d = dequote(src, 4, src.length);
      expect(d.error).toBeUndefined();
      const want = perCharacter(src, 4, src.length);
      expect(want.length).toBe(d.value.length + 1);
      expect(want.map((_, i) => d.offsets.at(i))).toEqual(want);
    }
  });

  it('keeps a straight string as one run', () => {
    const o = SourceOffsets.straight(10, 3, 13);
    expect([0, 1, 2, 3].map((i) => o.at(i))).toEqual([10, 11, 12, 13]);
  });
});
