import { describe, expect, it } from 'vitest';
import { el, escapeAttr, escapeText, printXml, textEl } from './xmlTree';

describe('canonical printer', () => {
  it('prints as virsh dumpxml does: single quotes, 2-space indent, <x/>, attribute order kept', () => {
    const d = el('disk', { type: 'block', device: 'disk' }, [
      el('driver', { name: 'phy', type: 'raw' }),
      el('source', { dev: '/dev/HostVG/XenGuest2' }),
      el('target', { dev: 'hda', bus: 'ide' }),
      el('readonly'),
      el('address', { type: 'drive', controller: 0, bus: 0, target: 0, unit: 0 }),
    ]);
    expect(printXml(d)).toBe(
      "<disk type='block' device='disk'>\n  <driver name='phy' type='raw'/>\n  <source dev='/dev/HostVG/XenGuest2'/>\n  <target dev='hda' bus='ide'/>\n  <readonly/>\n  <address type='drive' controller='0' bus='0' target='0' unit='0'/>\n</disk>\n",
    );
  });

  it('indents a disk inside <domain><devices> by 4', () => {
    expect(printXml(el('disk', { type: 'file' }, [el('readonly')]), 2)).toBe("    <disk type='file'>\n      <readonly/>\n    </disk>\n");
  });

  it('leaves out undefined attributes and false children', () => {
    expect(printXml(el('a', { x: undefined, y: '1' }, [false, undefined, el('b')]))).toBe("<a y='1'>\n  <b/>\n</a>\n");
  });

  it('escapes & < > \' " in attributes and text, and drops the control characters libvirt drops', () => {
    expect(escapeText(`a&b<c>d'e"f\x01g\x1fh\x7f`)).toBe('a&amp;b&lt;c&gt;d&apos;e&quot;fgh\x7f');
    expect(printXml(el('source', { file: "/it's & <x>" }))).toBe("<source file='/it&apos;s &amp; &lt;x&gt;'/>\n");
    expect(printXml(textEl('name', 'a<b'))).toBe('<name>a&lt;b</name>\n');
  });

  it('keeps tab, newline and CR in attribute values as character references', () => {
    expect(escapeAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('passes non-ASCII through', () => {
    expect(printXml(el('source', { file: '/images/é😀' }))).toBe("<source file='/images/é😀'/>\n");
  });
});
