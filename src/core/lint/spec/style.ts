/**
 * Rules about how an accepted spec is written: legacy forms xl still takes (X1–X3, X16),
 * target= swallowing what follows it (X8), blanks where commas belong, a cdrom written
 * read-write (X15), Xen 4.19 words Xen 4.17 takes for positional fields, and Unicode spaces.
 */
import { formatDiskSpec } from '../../xl/formatSpec';
import { FORMAT_PREFIXES, SCRIPT_PREFIXES } from '../../xl/diskScanner';
import type { ScannedToken } from '../../xl/diskSpec';
import { show } from '../context';
import { removalRange } from './fields';
import { reorderTarget, swallowed } from './errors';
import type { SpecView } from './view';

const PREFIX_NOTE: Record<string, string> = {
  phy: 'phy: is ignored (it does not set backendtype=phy)',
  file: 'file: is ignored',
  tap: 'tap: is ignored (it does not select blktap)',
  tap2: 'tap2: is ignored (it does not select blktap)',
  tapdisk: 'tapdisk: is ignored',
  aio: 'aio: is ignored',
  ioemu: 'ioemu: is ignored',
};

/** Style rules of a spec xl accepts. Returns whether the vdev's oddity is already explained. */
export function reportStyle(v: SpecView): { vdevExplained: boolean } {
  const ctx = v.ctx;
  const disk = v.disk;
  let vdevExplained = false;
  if (!disk) return { vdevExplained };
  // the key=value form, for the legacy forms only (most specs have none)
  let canonicalText: string | undefined;
  const canonical = () => (canonicalText ??= formatDiskSpec(disk));

  // X1–X3: legacy prefixes, one diagnostic per chain (`tap:aio:`, `tap:qcow2:`)
  const chains: ScannedToken[][] = [];
  for (const t of v.fields.prefixes) {
    const last = chains.at(-1);
    if (last && last.at(-1)!.to === t.from) last.push(t);
    else chains.push([t]);
  }
  for (const chain of chains) {
    const names = chain.map((t) => t.name!);
    const fmt = names.find((n) => FORMAT_PREFIXES.has(n));
    const script = names.find((n) => SCRIPT_PREFIXES.has(n));
    const notes = names.map((n) => (FORMAT_PREFIXES.has(n) ? `${n}: sets format=${n}` : SCRIPT_PREFIXES.has(n) ? `${n}: sets script=block-${n}` : PREFIX_NOTE[n] ?? `${n}: is ignored`));
    const code = fmt ? 'XL-FORMAT-PREFIX' : script ? 'XL-SCRIPT-PREFIX' : 'XL-LEGACY-PREFIX';
    const r = v.range(chain[0]!.from, chain.at(-1)!.to);
    ctx.report(code, 'warning', `deprecated prefix ${names.map((n) => `${n}:`).join('')} — ${notes.join('; ')}; xl's documented form is key=value: ${canonical()}`, r.from, r.to, [
      v.rewrite(`rewrite as ${canonical()}`, canonical(), { safe: true, expect: disk }),
    ]);
  }

  // X16: the legacy vdev:type form (`,hdc:cdrom,r`)
  const legacy = v.fields.positional.find((p) => p.slot === 'vdev:devtype');
  if (legacy) {
    const r = v.range(legacy.token.valueFrom, legacy.token.valueTo);
    const empty = disk.devtype === 'cdrom' && !disk.target;
    ctx.report('XL-LEGACY-CDROM', 'info', `${show(legacy.value)} is the deprecated vdev:type form${empty ? ' of an empty cdrom drive' : ''} — the documented form is ${canonical()}`, r.from, r.to, [
      v.rewrite(`rewrite as ${canonical()}`, canonical(), { safe: true, expect: disk }),
    ]);
  }

  // X8: target= swallowed the fields after it (accepted, with a different target)
  for (const t of v.tokens) {
    if (t.rule !== 'target') continue;
    const value = v.spec.slice(t.valueFrom, t.valueTo);
    const s = swallowed(value);
    if (!s) continue;
    const r = v.range(t.from, t.valueTo);
    const rest = value.slice(s.at + s.sep.length);
    ctx.report(
      s.sep === ',' ? 'XL-TARGET-NOT-LAST' : 'XL-BLANK-SEPARATOR',
      'warning',
      s.sep === ','
        ? `target= takes everything to the end of the spec: the target is ${show(value)}, and ${show(rest)} is not read as fields — put target= last`
        : `fields are separated by commas, not blanks: the target is ${show(value)}`,
      r.from,
      r.to,
      [v.fix('move target= to the end', reorderTarget(v, t) ?? [], { safe: false })],
    );
  }

  // blanks where commas belong inside other values (`vdev=xvda discard`)
  for (const t of v.tokens) {
    if (t.rule !== 'key' && t.rule !== 'positional') continue;
    const value = v.spec.slice(t.valueFrom, t.valueTo);
    const m = /^(\S+)[ \t]+(?=(?:target|format|vdev|access|devtype|backendtype|backend|specification|script)=|(?:cdrom|direct-io-safe|discard|no-discard|colo|no-colo)(?:$|[ \t]))/.exec(value);
    if (!m || v.fields.target?.token === t) continue;
    const r = v.range(t.valueFrom, t.valueTo);
    const edits = [];
    const re = /[ \t]+/g;
    for (let x = re.exec(value); x; x = re.exec(value)) edits.push({ from: t.valueFrom + x.index, to: t.valueFrom + x.index + x[0].length, insert: ',' });
    if (t.name === 'vdev' || v.fields.vdev?.token === t) vdevExplained = true;
    ctx.report('XL-BLANK-SEPARATOR', 'error', `fields are separated by commas, not blanks: ${t.name ? `${t.name}=` : 'the field '}${show(value)} is one value`, r.from, r.to, [v.fix('put commas between the fields', edits, { safe: false })]);
  }

  // X15: access=rw on a cdrom (xl silently makes it read-only)
  if (disk.devtype === 'cdrom') {
    for (const a of v.fields.access) {
      const value = v.spec.slice(a.from, a.to);
      if (value !== 'rw' && value !== 'w') continue;
      const r = v.range(a.from, a.to);
      ctx.report('XL-CDROM-RW', 'warning', `access=${value} on a cdrom — a cdrom is always read-only: xl ignores ${value}`, r.from, r.to, [v.fix('write ro', [{ from: a.from, to: a.to, insert: 'ro' }], { safe: true, expect: disk })]);
    }
  }

  // Xen 4.19 words that Xen 4.17 read as positional fields without complaint
  for (const p of v.fields.positional) {
    const w = p.value.trim();
    if (w !== 'trusted' && w !== 'untrusted') continue;
    const r = v.range(p.token.valueFrom, p.token.valueTo);
    if (p.slot === 'vdev') vdevExplained = true;
    ctx.report('XL-XEN419', 'error', `${w} exists from Xen 4.19; Xen 4.17 and 4.18 read it as a positional field: here it is the ${p.slot}`, r.from, r.to, [
      v.fix(`remove ${w} (Xen < 4.19)`, [removalRange(v.spec, p.token.from, p.token.to)], { safe: false }),
    ]);
  }

  // Unicode spaces inside the spec: never a blank to xl
  const re = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;
  for (let m = re.exec(v.spec); m; m = re.exec(v.spec)) {
    const i = m.index;
    const edge = i === 0 || i === v.spec.length - 1 || /[,=]/.test(v.spec[i - 1]!) || /,/.test(v.spec[i + 1] ?? ',');
    const r = v.range(i, i + 1);
    ctx.report('XL-UNICODE-SPACE', 'warning', `a ${m[0] === '\u00a0' ? 'no-break space' : 'Unicode space'} (U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) is part of the value to xl, not a blank (pasted from a web page?)`, r.from, r.to, [
      v.fix(edge ? 'remove it' : 'replace it with a space', [{ from: i, to: i + 1, insert: edge ? '' : ' ' }], { safe: false }),
    ]);
  }
  return { vdevExplained };
}
