/**
 * xl's parse errors, each reported once, in xl's own words (people search them) plus what it
 * means here and how to fix it. A rule that recognises the cause names it with its own code
 * (X4–X8, X10, X15, X17, X18); anything else is XL-SYNTAX with a plain explanation.
 */
import type { Edit } from '../../text/edits';
import type { SpecError, ScannedToken } from '../../xl/diskSpec';
import { JAMMED_MESSAGE, OVERFLOW_MESSAGE } from '../../xl/diskSpec';
import { nextFreeVdev, parseVdev } from '../../xl/vdev';
import type { OwnCode } from '../codes';
import { didYouMean, show } from '../context';
import type { Fix, Severity } from '../types';
import { fieldAround, removalRange, specFields, tokenAt } from './fields';
import type { SpecView } from './view';
import { ACCEPTS, FLAGS, FOREIGN_KEYS, FOREIGN_WORDS, KNOWN_KEYS, VALUES, VALUE_ALIASES } from './words';

type Explained = { code: OwnCode; explanation: string; fixes?: (Fix | undefined)[]; severity?: Severity; /** spec range to underline instead of xl's */ range?: { from: number; to: number } };

const KEY_ALT = KNOWN_KEYS.map((k) => k.replace('-', '\\-')).join('|');
/** A known key or flag starting at a field boundary: what a blank separator hides. */
const HIDDEN_FIELD = new RegExp(`^(?:(?:${KEY_ALT})=|(?:${FLAGS.join('|')})(?=$|[ \\t,]))`);

/** Reports every parse error of a spec. */
export function reportParseErrors(v: SpecView): void {
  if (v.parse.ok) return;
  for (const e of v.parse.errors) {
    const x = explain(v, e) ?? generic(e);
    const words = v.xlWords(e);
    const r = x.range ? v.range(x.range.from, x.range.to) : e.message === 'no vdev specified' || e.message.startsWith('no target') ? { from: v.src(0), to: v.src(v.spec.length) } : v.range(e.from, e.to);
    v.ctx.report(x.code, x.severity ?? 'error', `${words} — ${x.explanation}`, r.from, r.to, x.fixes ?? []);
  }
}

function explain(v: SpecView, e: SpecError): Explained | undefined {
  const m = e.message;
  if (m.startsWith('unknown value for ')) return unknownValue(v, e, m.slice('unknown value for '.length));
  if (m.endsWith(' respecified')) return respecified(v, e, m.slice(0, -' respecified'.length));
  switch (m) {
    case 'unknown parameter':
      return unknownParameter(v, e);
    case 'unknown deprecated type':
      return deprecatedType(v, e);
    case 'unknown deprecated disk prefix':
      return unknownPrefix(v, e);
    case 'too many positional parameters':
      return tooMany(v, e);
    case 'bad disk syntax':
      return badSyntax(v, e);
    case 'no vdev specified':
      return blankSeparators(v, e) ?? targetNotLast(v, e) ?? noVdev(v, e);
    case 'no target specified (and device not removable)':
      return blankSeparators(v, e);
  }
  return undefined;
}

// ---------------------------------------------------------------- helpers

const replace = (from: number, to: number, insert: string): Edit[] => [{ from, to, insert }];

function tokenOf(v: SpecView, e: SpecError): { t: ScannedToken; i: number } | undefined {
  const i = tokenAt(v.tokens, e.from, e.to);
  return i < 0 ? undefined : { t: v.tokens[i]!, i };
}

/** Fixes replacing [from, to) by each candidate value; safe only for a sure, unique one. */
function valueFixes(v: SpecView, e: SpecError, from: number, to: number, candidates: readonly string[], safe: boolean): (Fix | undefined)[] {
  return candidates.map((c) => v.fix(`write ${show(c)}`, replace(from, to, c), { safe: safe && candidates.length === 1, for: e }));
}

/** Empties positional field [from, to) and appends it as target= (the slot stays, empty). */
function moveToTarget(v: SpecView, e: SpecError, from: number, to: number, title: string, safe: boolean): Fix | undefined {
  const text = v.spec.slice(from, to).trim();
  const tail = v.spec.slice(to);
  // whatever followed the field keeps its commas; target= goes last
  const after = tail.startsWith(',') ? tail : `,${tail}`;
  const body = v.spec.slice(0, from) + after.replace(/,+$/, (c) => (c.length > 1 ? c.slice(1) : ''));
  const next = `${body}${body.endsWith(',') || body === '' ? '' : ','}target=${text}`;
  return v.rewrite(title, next, { safe, for: e });
}

// ---------------------------------------------------------------- unknown value for X

function unknownValue(v: SpecView, e: SpecError, what: string): Explained | undefined {
  const key = what === 'type' ? 'devtype' : what;
  let from = e.from;
  let to = e.to;
  const tok = tokenOf(v, e);
  if (key === 'devtype' && tok) {
    from = tok.t.valueFrom;
    to = tok.t.valueTo;
  }
  const value = v.spec.slice(from, to);
  const accepts = ACCEPTS[key] ?? ACCEPTS[what] ?? '';
  const values = VALUES[key];
  if (!values) return { code: 'XL-SYNTAX', explanation: accepts };
  const lower = value.toLowerCase();
  const trimmed = lower.trim();
  if (lower !== value && values.includes(lower)) {
    return { code: 'XL-CASE', explanation: `xl's keywords and values are lowercase: write ${lower}`, fixes: valueFixes(v, e, from, to, [lower], true) };
  }
  if (trimmed !== lower && values.includes(trimmed)) {
    return { code: 'XL-VALUE', explanation: `the blanks are part of the value: write ${show(trimmed)}`, fixes: valueFixes(v, e, from, to, [trimmed], true) };
  }
  const sep = blankSeparatorIn(v, from, to);
  if (sep) return sep;
  const positional = tok?.t.rule === 'positional' ? specFields(v.spec, v.tokens, tok.i + 1).positional.at(-1) : undefined;
  const alias = VALUE_ALIASES[key]?.[trimmed];
  if (positional && alias === undefined) {
    const special = positionalWord(v, e, positional.token, positional.value, `it landed in the ${positional.slot} slot`);
    if (special) return special;
  }
  if (key === 'access') {
    if (value === 'w!' || value === '!') {
      return {
        code: 'XL-ACCESS',
        explanation: `${value === '!' ? "libvirt writes ! for a shareable disk" : "w! is xm's \"write even if in use\""}; xl has no shared-writable mode (only ro and rw)`,
        fixes: [v.fix('write w (read-write, not shared)', replace(from, to, 'w'), { safe: false, for: e })],
      };
    }
    const flag = FLAGS.find((f) => f === trimmed);
    if (flag && positional) {
      return { code: 'XL-VALUE', explanation: `a blank after ${flag} makes it a positional field (it landed in the access slot): remove the blank`, fixes: valueFixes(v, e, from, to, [flag], true) };
    }
    if (parseVdev(trimmed).ok && positional && v.fields.hadPrefix) {
      // `phy:/dev/sda,,hda,w`: with a legacy prefix there is no format slot, so the empty field became the vdev
      const fs = specFields(v.spec, v.tokens, tok!.i);
      const empty = fs.positional.find((p) => p.slot === 'vdev' && p.value === '');
      if (empty) {
        return {
          code: 'XL-SLOT-SHIFT',
          explanation: `a legacy prefix (${fs.prefixes.map((p) => v.spec.slice(p.from, p.to)).join('')}) removes the format slot, so the empty field became the vdev and ${value} the access: remove the empty field`,
          fixes: [v.fix('remove the empty field', [removalRange(v.spec, empty.token.from, empty.token.to)], { safe: true, for: e })],
        };
      }
    }
  }
  if (key === 'format' && positional?.slot === 'format') {
    if (parseVdev(value).ok || /^(xvd|hd|sd)[a-z]/.test(value)) {
      return {
        code: 'XL-SLOT-SHIFT',
        explanation: `the second positional field is the format (target, format, vdev, access): ${value} looks like a vdev — leave the format empty (${show(`,,${value}`)})`,
        fixes: [v.fix('insert an empty format field', replace(from, from, ','), { safe: true, for: e })],
      };
    }
    const target = v.fields.target;
    if (target?.via === 'positional' && /[./]/.test(value)) {
      const joined = v.spec.slice(target.from, to);
      return {
        code: 'XL-TARGET-POSITIONAL',
        explanation: `a comma always splits positional fields, so the target stopped at the comma and ${value} became the format: if ${show(joined)} is the path, write it as target= (last)`,
        fixes: [moveToTarget(v, e, target.from, to, `write target=${joined} last`, false)],
      };
    }
  }
  if (alias !== undefined) {
    const note = key === 'format' && trimmed === 'xvhd' ? " (libvirt's converter writes xvhd for vhd)" : '';
    return { code: key === 'access' ? 'XL-ACCESS' : 'XL-VALUE', explanation: `${accepts}: ${value} means ${alias}${note}`, fixes: valueFixes(v, e, from, to, [alias], true) };
  }
  const dym = didYouMean(trimmed, values);
  if (dym.words.length) {
    return { code: key === 'access' ? 'XL-ACCESS' : 'XL-VALUE', explanation: `${accepts}; did you mean ${dym.words.join(' or ')}?`, fixes: valueFixes(v, e, from, to, dym.unique ? [dym.unique] : dym.words, !!dym.unique) };
  }
  return { code: key === 'access' ? 'XL-ACCESS' : 'XL-VALUE', explanation: accepts };
}

/** `format=raw vdev=hda`: a blank where a comma belongs, inside [from, to). */
function blankSeparatorIn(v: SpecView, from: number, to: number): Explained | undefined {
  const value = v.spec.slice(from, to);
  const edits: Edit[] = [];
  const re = /[ \t]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const after = value.slice(m.index + m[0].length);
    if (m.index > 0 && HIDDEN_FIELD.test(after)) edits.push({ from: from + m.index, to: from + m.index + m[0].length, insert: ',' });
  }
  if (!edits.length) return undefined;
  return {
    code: 'XL-BLANK-SEPARATOR',
    explanation: `fields are separated by commas: the blank makes ${show(value)} one value`,
    fixes: [v.fix('put commas between the fields', edits, { safe: true })],
  };
}

// ---------------------------------------------------------------- respecified

function respecified(v: SpecView, e: SpecError, what: string): Explained | undefined {
  const tok = tokenOf(v, e);
  if (!tok) return undefined;
  const { t, i } = tok;
  const value = v.spec.slice(t.valueFrom, t.valueTo);
  if (t.rule === 'positional') {
    const special = positionalWord(v, e, t, value, `${what} respecified`);
    if (special) return special;
  }
  // the text that set it first
  const before = specFields(v.spec, v.tokens, i);
  const first = firstSetter(v, before, what, t);
  if (first?.rule === 'positional') {
    const special = positionalWord(v, e, first, v.spec.slice(first.valueFrom, first.valueTo), `it became the ${what}, and then ${what} is given again`);
    if (special) return { ...special, range: { from: first.valueFrom, to: first.valueTo } };
  }
  const fixes: (Fix | undefined)[] = [];
  const dropSecond = t.rule === 'positional' ? replace(t.valueFrom, t.valueTo, '') : t.rule === 'prefix' ? undefined : [removalRange(v.spec, t.from, t.to)];
  if (first) {
    const firstText = v.spec.slice(first.from, first.to);
    const secondText = v.spec.slice(t.from, t.to).replace(/,$/, '');
    if (dropSecond) fixes.push(v.fix(`keep ${show(firstText)}, remove ${show(secondText)}`, dropSecond, { safe: false, for: e }));
    const dropFirst = first.rule === 'positional' ? replace(first.valueFrom, first.valueTo, '') : first.rule === 'prefix' ? undefined : [removalRange(v.spec, first.from, first.to)];
    if (dropFirst) fixes.push(v.fix(`keep ${show(secondText)}, remove ${show(firstText)}`, dropFirst, { safe: false, for: e }));
  }
  const field = what === 'backend' && v.spec.slice(t.from, t.to).startsWith('backendtype=') ? 'backendtype' : what;
  return {
    code: 'XL-RESPECIFIED',
    explanation: `${field} is given twice${first ? ` (first ${show(v.spec.slice(first.from, first.to).replace(/,$/, ''))})` : ''}: keep one${t.rule === 'positional' ? '; positional fields fill target, format, vdev, access in that order, and a named key does not free its slot' : ''}`,
    fixes,
  };
}

function firstSetter(v: SpecView, before: ReturnType<typeof specFields>, what: string, second: ScannedToken): ScannedToken | undefined {
  const pick = (l: { token: ScannedToken } | undefined) => (l && l.token !== second ? l.token : undefined);
  switch (what) {
    case 'target':
      return pick(before.target);
    case 'vdev':
      return pick(before.vdev);
    case 'format':
      return pick(before.format);
    default: {
      const keyName = what === 'backend' ? (v.spec.startsWith('backendtype=', second.from) ? 'backendtype' : 'backend') : what;
      const same = before.keys.get(keyName)?.find((k) => k !== second);
      if (same) return same;
      if (keyName === 'script') return before.prefixes.find((p) => ['iscsi', 'nbd', 'enbd', 'drbd'].includes(p.name!));
      return undefined;
    }
  }
}

/** A positional word that is really something else: a 4.19 flag, a libvirt word, a flag with a blank. */
function positionalWord(v: SpecView, e: SpecError, t: ScannedToken, value: string, why: string): Explained | undefined {
  const w = value.trim();
  const drop = () => [removalRange(v.spec, t.from, t.to)];
  if (w === 'trusted' || w === 'untrusted') {
    return {
      code: 'XL-XEN419',
      explanation: `${w} exists from Xen 4.19; Xen 4.17 and 4.18 read it as a positional field (${why})`,
      fixes: [v.fix(`remove ${w} (Xen < 4.19)`, drop(), { safe: true, for: e })],
    };
  }
  const flag = FLAGS.find((f) => f === w);
  if (flag && w !== value) {
    return { code: 'XL-VALUE', explanation: `a blank after ${flag} makes it a positional field (${why}): remove the blank`, fixes: [v.fix(`write ${flag}`, replace(t.valueFrom, t.valueTo, flag), { safe: true, for: e })] };
  }
  const foreign = FOREIGN_WORDS[w.toLowerCase()];
  if (foreign !== undefined) {
    return {
      code: 'XL-FOREIGN-KEY',
      explanation: foreign ? `${w} is not an xl word; it became a positional field (${why}): xl writes ${foreign}` : `xl has no ${w} (no shared-writable mode)`,
      fixes: [v.fix(foreign ? `write ${foreign}` : `remove ${w}`, foreign ? replace(t.valueFrom, t.valueTo, foreign) : drop(), { safe: foreign !== '', for: e })],
    };
  }
  return undefined;
}

// ---------------------------------------------------------------- unknown parameter

function unknownParameter(v: SpecView, e: SpecError): Explained | undefined {
  const tok = tokenOf(v, e);
  if (!tok || tok.t.rule !== 'unknown-key') return undefined;
  const t = tok.t;
  const key = t.name!;
  const field = fieldAround(v.spec, t.valueFrom);
  const value = v.spec.slice(t.valueFrom, field.to);
  const keySpan = { from: t.from, to: t.from + key.length };
  const foreign = Object.hasOwn(FOREIGN_KEYS, key) ? FOREIGN_KEYS[key] : undefined;
  const drop = () => [removalRange(v.spec, t.from, field.to)];
  if (foreign) {
    if (foreign.key) {
      return { code: 'XL-FOREIGN-KEY', explanation: `${key}= is not an xl key: xl calls it ${foreign.key}=`, fixes: [v.fix(`write ${foreign.key}=`, replace(keySpan.from, keySpan.to, foreign.key), { safe: true, for: e })] };
    }
    if (foreign.map) {
      const to = foreign.map[value.trim().toLowerCase()];
      if (to !== undefined) {
        return { code: 'XL-FOREIGN-KEY', explanation: `${key}=${value} is not xl's syntax: xl writes ${to}`, fixes: [v.fix(`write ${to}`, replace(t.from, field.to, to), { safe: true, for: e })] };
      }
      return { code: 'XL-FOREIGN-KEY', explanation: `${key}= is not an xl key`, fixes: [v.fix(`remove ${key}=${value}`, drop(), { safe: false, for: e })] };
    }
    return { code: 'XL-FOREIGN-KEY', explanation: `${key}= is not an xl key: ${foreign.drop}`, fixes: [v.fix(`remove ${key}=${value} (no xl equivalent)`, drop(), { safe: true, for: e })] };
  }
  const dym = didYouMean(key, KNOWN_KEYS);
  if (dym.words.length) {
    return {
      code: 'XL-UNKNOWN-KEY',
      explanation: `xl has no key ${key}=; did you mean ${dym.words.map((w) => `${w}=`).join(' or ')}?`,
      fixes: (dym.unique ? [dym.unique] : dym.words).map((w) => v.fix(`write ${w}=`, replace(keySpan.from, keySpan.to, w), { safe: !!dym.unique, for: e })),
    };
  }
  return { code: 'XL-UNKNOWN-KEY', explanation: `xl has no key ${key}= (keys: ${KNOWN_KEYS.join(', ')})`, fixes: [v.fix(`remove ${key}=${value}`, drop(), { safe: false, for: e })] };
}

// ---------------------------------------------------------------- legacy vdev:type, prefixes

function deprecatedType(v: SpecView, e: SpecError): Explained | undefined {
  const value = v.spec.slice(e.from, e.to);
  const lower = value.trim().toLowerCase();
  const fixTo = VALUES.devtype!.includes(lower) ? lower : VALUE_ALIASES.devtype![lower] ?? didYouMean(lower, VALUES.devtype!).unique;
  return {
    code: lower === value.toLowerCase() && lower !== value ? 'XL-CASE' : 'XL-VALUE',
    explanation: `after the vdev only :cdrom or :disk may follow (the legacy vdev:type form)${fixTo ? `: write ${fixTo}` : ''}`,
    fixes: fixTo ? [v.fix(`write ${fixTo}`, replace(e.from, e.to, fixTo), { safe: true, for: e })] : [],
  };
}

function unknownPrefix(v: SpecView, e: SpecError): Explained | undefined {
  const tok = tokenOf(v, e);
  if (!tok) return undefined;
  const t = tok.t;
  const word = t.name ?? v.spec.slice(t.from, t.to - 1);
  const field = fieldAround(v.spec, t.from);
  const rest = v.spec.slice(t.to, field.to);
  const lowerRest = rest.trim().toLowerCase();
  if (rest !== lowerRest && (lowerRest === 'cdrom' || lowerRest === 'disk')) {
    return { code: 'XL-CASE', explanation: `xl's keywords are lowercase: ${word}:${rest} is not read as vdev:type, and ${word}: looks like a legacy prefix`, fixes: [v.fix(`write ${word}:${lowerRest}`, replace(t.to, field.to, lowerRest), { safe: true, for: e })] };
  }
  if (word === 'qed') {
    const edits: Edit[] = [{ from: 0, to: 0, insert: 'format=qed,' }, { from: t.from, to: t.to, insert: '' }];
    return { code: 'XL-UNKNOWN-PREFIX', explanation: 'there is no qed: prefix (only raw: qcow: qcow2: vhd:): write format=qed', fixes: [v.fix('write format=qed', edits, { safe: true, for: e })] };
  }
  const before = specFields(v.spec, v.tokens, tok.i);
  const inTargetSlot = before.target === undefined;
  const windows = /^[a-z]:[\\/]/i.test(v.spec.slice(field.from));
  const url = /^[a-z][a-z0-9+.-]*:\/\//.test(v.spec.slice(t.from));
  const what = windows ? 'a Windows path (xl runs on Linux: the path is on the host)' : url ? 'a URL, which xl does not read' : `${show(word + ':')}, which xl takes for a legacy prefix it does not know`;
  return {
    code: 'XL-UNKNOWN-PREFIX',
    explanation: `${what}; a word followed by : and a non-alphanumeric character is read as a prefix — a target with such text must be written target=… (last)`,
    fixes: inTargetSlot && !windows ? [moveToTarget(v, e, field.from, field.to, `write target=${v.spec.slice(field.from, field.to).trim()} last`, false)] : [],
  };
}

// ---------------------------------------------------------------- too many positional fields

function tooMany(v: SpecView, e: SpecError): Explained | undefined {
  const tok = tokenOf(v, e);
  if (!tok) return undefined;
  const { t, i } = tok;
  const value = v.spec.slice(t.valueFrom, t.valueTo);
  const special = positionalWord(v, e, t, value, 'too many positional parameters');
  if (special) return special;
  const before = specFields(v.spec, v.tokens, i);
  const assigned = before.positional.map((p) => `${p.slot === 'vdev:devtype' ? 'vdev:type' : p.slot} ${show(p.value)}`).join(', ');
  return {
    code: 'XL-TOO-MANY-POSITIONAL',
    explanation: `positional fields fill target, format, vdev, access in that order${before.hadPrefix ? ' (a legacy prefix removes the format slot)' : ''}, and xl read ${assigned || 'none'}: ${show(value)} has no slot left; name it (key=value)`,
    fixes: [v.fix(`remove ${show(value)}`, [removalRange(v.spec, t.from, t.to)], { safe: false, for: e })],
  };
}

// ---------------------------------------------------------------- bad disk syntax (a stray =)

function badSyntax(v: SpecView, e: SpecError): Explained | undefined {
  const eq = e.from;
  const field = fieldAround(v.spec, eq);
  const keyText = v.spec.slice(field.from, eq);
  const key = keyText.trim();
  const lower = key.toLowerCase();
  const keyFrom = field.from + keyText.indexOf(key);
  const afterEq = /^[ \t]*/.exec(v.spec.slice(eq + 1))![0].length;
  if ((KNOWN_KEYS as readonly string[]).includes(lower) || lower === 'devtype') {
    const edits: Edit[] = [];
    if (key !== lower) edits.push({ from: keyFrom, to: keyFrom + key.length, insert: lower });
    if (keyFrom + key.length < eq || afterEq) edits.push({ from: keyFrom + key.length, to: eq, insert: '' }, { from: eq + 1, to: eq + 1 + afterEq, insert: '' });
    const cased = key !== lower;
    return {
      range: { from: keyFrom, to: eq + 1 },
      code: cased ? 'XL-CASE' : 'XL-SYNTAX',
      explanation: cased ? `xl's keys are lowercase: ${key}= is read as a positional field followed by a stray =; write ${lower}=` : `no blanks around = in a key=value field: ${show(keyText + '=')} is read as a positional field followed by a stray =`,
      fixes: [v.fix(`write ${lower}=`, edits.filter((x) => x.from !== x.to || x.insert), { safe: true, for: e })],
    };
  }
  if (lower === 'grant_usage') {
    return { code: 'XL-XEN419', explanation: 'grant_usage= exists from Xen 4.19 only; Xen 4.17 reads grant_usage as a positional field followed by a stray =', fixes: [v.fix('remove grant_usage= (Xen < 4.19)', [removalRange(v.spec, field.from, field.to)], { safe: true, for: e })] };
  }
  const dashed = lower.replace(/_/g, '-');
  if (dashed !== key && (KNOWN_KEYS as readonly string[]).includes(dashed)) {
    return { code: 'XL-UNKNOWN-KEY', explanation: `xl's key is ${dashed}= (keys with _ or capitals are read as a positional field and a stray =)`, fixes: [v.fix(`write ${dashed}=`, replace(keyFrom, keyFrom + key.length, dashed), { safe: true, for: e })] };
  }
  const foreign = Object.hasOwn(FOREIGN_KEYS, lower) ? FOREIGN_KEYS[lower] : undefined;
  if (foreign && lower !== key) {
    return { code: 'XL-FOREIGN-KEY', explanation: `${key}= is not an xl key${foreign.key ? `: xl calls it ${foreign.key}=` : foreign.drop ? `: ${foreign.drop}` : ''}`, fixes: [] };
  }
  const tok = tokenAt(v.tokens, field.from, eq);
  if (tok >= 0 && v.tokens[tok]!.rule === 'positional' && key !== '') {
    const before = specFields(v.spec, v.tokens, tok);
    if (before.target === undefined) {
      const text = v.spec.slice(field.from, field.to).trim();
      return {
        code: 'XL-TARGET-POSITIONAL',
        explanation: `a positional target cannot hold = (xl reads ${show(keyText)} then a stray =): write the target as target=… and put it last`,
        fixes: [moveToTarget(v, e, field.from, field.to, `write target=${text} last`, true)],
      };
    }
  }
  return { code: 'XL-SYNTAX', explanation: 'xl found a = where a field should start: only key=value fields may hold =, keys are lowercase, and a target with = must be written target=… (last)' };
}

// ---------------------------------------------------------------- missing vdev, target swallowing

/** A separator and a known key or flag after it: the first field a target= value swallowed. */
const SWALLOWED = new RegExp(`(,|[ \\t]+)[ \\t]*(?=(?:(?:${KEY_ALT})=|(?:${FLAGS.join('|')})(?:$|[ \\t,])))`);

/** A target= value that swallowed fields after it. */
export function swallowed(value: string): { at: number; sep: string } | undefined {
  const m = SWALLOWED.exec(value);
  return m ? { at: m.index, sep: m[1]! } : undefined;
}

/** The edit moving everything target= swallowed in front of it. */
export function reorderTarget(v: SpecView, t: ScannedToken): Edit[] | undefined {
  const value = v.spec.slice(t.valueFrom, t.valueTo);
  const s = swallowed(value);
  if (!s) return undefined;
  const real = value.slice(0, s.at);
  const rest = value
    .slice(s.at + s.sep.length)
    .replace(new RegExp(`[ \\t]+(?=(?:(?:${KEY_ALT})=|(?:${FLAGS.join('|')})(?:$|[ \\t,])))`, 'g'), ',')
    .replace(/^[ \t,]+|[ \t,]+$/g, '');
  return [{ from: t.from, to: t.valueTo, insert: `${rest},target=${real}` }];
}

function targetNotLast(v: SpecView, e: SpecError): Explained | undefined {
  const t = v.tokens.find((x) => x.rule === 'target' && swallowed(v.spec.slice(x.valueFrom, x.valueTo)));
  if (!t) return undefined;
  const edits = reorderTarget(v, t)!;
  const value = v.spec.slice(t.valueFrom, t.valueTo);
  const s = swallowed(value)!;
  return {
    code: 'XL-TARGET-NOT-LAST',
    explanation: `target= takes everything to the end of the spec, so ${show(value.slice(s.at + s.sep.length))} became part of the target: put target= last`,
    fixes: [v.fix('move target= to the end', edits, { safe: true, for: e })],
  };
}

function blankSeparators(v: SpecView, e: SpecError): Explained | undefined {
  for (const t of v.tokens) {
    if (t.rule === 'target') {
      const value = v.spec.slice(t.valueFrom, t.valueTo);
      const s = swallowed(value);
      if (s && s.sep !== ',') {
        return {
          code: 'XL-BLANK-SEPARATOR',
          explanation: `fields are separated by commas, not blanks: ${show(value.slice(s.at + s.sep.length))} became part of the target`,
          fixes: [v.fix('move the fields before target= and separate them with commas', reorderTarget(v, t)!, { safe: true, for: e })],
        };
      }
    } else if (t.rule === 'key' || t.rule === 'positional') {
      const x = blankSeparatorIn(v, t.valueFrom, t.valueTo);
      if (x) return x;
    }
  }
  return undefined;
}

function noVdev(v: SpecView, e: SpecError): Explained {
  const cdrom = v.tokens.some((t) => (t.rule === 'flag' && t.name === 'cdrom') || (t.rule === 'key' && t.name === 'devtype' && v.spec.slice(t.valueFrom, t.valueTo) === 'cdrom'));
  const name = nextFreeVdev(v.ctx.usedVdevs.slots, v.ctx.guest, cdrom ? 'cdrom' : 'disk');
  const guest = `${v.ctx.guest === 'hvm' ? 'an' : 'a'} ${v.ctx.guest.toUpperCase()} guest`;
  const f = v.fix(`add vdev=${name}, the next free name for ${guest}`, [{ from: 0, to: 0, insert: `vdev=${name},` }], { safe: false, for: e });
  if (f) v.ctx.usedVdevs.add(name);
  return {
    code: 'XL-NO-VDEV',
    explanation: `every disk needs a vdev, the name the guest sees (positionally the third field: target,format,vdev); the next free one for ${guest} is ${name}`,
    fixes: [f],
  };
}

// ---------------------------------------------------------------- everything else

const EXPLAIN: Record<string, string> = {
  'no target specified (and device not removable)': 'a disk that is not a cdrom needs a target (target=/path, last); an empty cdrom drive is devtype=cdrom without a target',
  [JAMMED_MESSAGE]: 'a = followed by a line break kills xl (its scanner jams and xl exits)',
  [OVERFLOW_MESSAGE]: 'shorten the field',
  'unknown value for colo_port': ACCEPTS.colo_port!,
};

function generic(e: SpecError): Explained {
  return { code: 'XL-SYNTAX', explanation: EXPLAIN[e.message] ?? 'see xl-disk-configuration(5)' };
}
