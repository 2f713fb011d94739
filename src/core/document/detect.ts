/**
 * What the user pasted: libvirt XML, an xl config (a whole one, or just a `disk = [ … ]` line),
 * or bare disk specs, one per line. Decided from the text alone, cheaply, so the UI can say
 * what it detected as the user types.
 */
export type Syntax = 'empty' | 'specs' | 'xl-config' | 'libvirt-xml';

/**
 * A config statement: `name = ` or `name += ` followed by a quote, a list, or a number that ends
 * the statement (a disk spec such as `backend=0,vdev=xvda,target=/x` is not one).
 */
const STATEMENT = /^[ \t\u00a0]*[A-Za-z][A-Za-z0-9_.]*[ \t\u00a0]*\+?=[ \t\u00a0]*(?:['"[\u2018\u2019\u201c\u201d]|\d[0-9a-fx]*[ \t]*(?:[;#]|$)|$)/m;

export function detectSyntax(text: string): Syntax {
  const start = text.search(/\S/);
  if (start < 0) return 'empty';
  if (text[start] === '<') return 'libvirt-xml';
  // xl's config syntax has comments and statements; a bare spec has neither
  if (STATEMENT.test(text) || /^[ \t]*#/m.test(text)) return 'xl-config';
  return 'specs';
}
