import { describe, expect, it } from 'vitest';
import { tokenizeLine } from './xlLanguage';

const show = (line: string, bare = false) => tokenizeLine(line, bare).map((t) => `${t.type}:${line.slice(t.from, t.to)}`);

describe('xl highlighting', () => {
  it('tokenizes a config line', () => {
    expect(show("disk = [ 'vdev=xvda,target=/a\\\\b' ] # end")).toEqual([
      'key:disk',
      'operator:=',
      'punctuation:[',
      "string:'",
      'key:vdev',
      'operator:=',
      'string:xvda',
      'punctuation:,',
      'key:target',
      'operator:=',
      'string:/a',
      'escape:\\\\',
      'string:b',
      "string:'",
      'punctuation:]',
      'comment:# end',
    ]);
    expect(show('memory = 512')).toEqual(['key:memory', 'operator:=', 'number:512']);
  });

  it('tokenizes a bare spec, and an unclosed string up to the end of its line', () => {
    expect(show('/x,,xvda', true)).toEqual(['string:/x', 'punctuation:,', 'punctuation:,', 'string:xvda']);
    expect(show("disk = [ '/x,,xvda")).toEqual(['key:disk', 'operator:=', 'punctuation:[', "string:'", 'string:/x', 'punctuation:,', 'punctuation:,', 'string:xvda']);
  });
});
