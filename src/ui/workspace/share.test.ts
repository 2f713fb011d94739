import { describe, expect, it } from 'vitest';
import { readFragment, removeCephKeys, shareFragment } from './share';

const KEY = 'AQDsPWtW8JoXJBAAyLPQe7MhCC+JPkI3QuhaAw==';

describe('share links', () => {
  it('round-trip the text and the guest type through the fragment', () => {
    const text = "# é ‘quotes’ \u00a0\ndisk = [ '/srv/a b.img,,xvda' ]\r\n";
    const f = shareFragment({ text, guest: 'pvh' });
    expect(f).toMatch(/^#s=1\.[A-Za-z0-9+\-$]+$/);
    expect(readFragment(f)).toEqual({ text, guest: 'pvh' });
  });

  it('read the old #text= form, and ignore what they cannot read', () => {
    expect(readFragment(`#text=${encodeURIComponent('/x,,xvda')}&guest=pv`)).toEqual({ text: '/x,,xvda', guest: 'pv' });
    expect(readFragment('#s=1.garbage')).toEqual({});
    expect(readFragment('#s=2.abc')).toEqual({});
    expect(readFragment('')).toEqual({});
  });

  it('remove Ceph keys from xl targets, leaving every other byte', () => {
    const cfg = `builder = "hvm"\ndisk = [ 'vdev=hdc,backendtype=qdisk,target=rbd:pool/img:id=libvirt:key=${KEY}:mon_host=10.0.0.1\\\\:6789', '/srv/a.img,,xvdb' ]\n`;
    const r = removeCephKeys(cfg, 'hvm');
    expect(r.removed).toBe(1);
    expect(r.text).toBe(cfg.replace(`:key=${KEY}`, ''));
    expect(removeCephKeys('/srv/a.img,,xvda', 'hvm')).toEqual({ text: '/srv/a.img,,xvda', removed: 0 });
    const spec = `vdev=xvda,backendtype=qdisk,target=rbd:pool/img:key=${KEY}`;
    expect(removeCephKeys(spec, 'pv')).toEqual({ text: 'vdev=xvda,backendtype=qdisk,target=rbd:pool/img', removed: 1 });
  });
});
