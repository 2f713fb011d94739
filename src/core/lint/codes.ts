/**
 * Every code the linter emits, with the rule of shared/spec/peers-and-ux.md §3 it implements.
 * Codes are stable: tools and users match on them. docs/diagnostics.md documents each one (a
 * test checks both ways). The mapper's LV-… codes are documented in docs/libvirt-differences.md.
 */
import type { LvCode } from '../libvirt/diagnostics';

export const LINT_CODES = {
  // ---- the config file (xl-disk-syntax §2)
  'CFG-SYNTAX': { rule: '§2', about: 'xl cannot read the config file (lexical or syntax error, in xl\'s words)' },
  'CFG-PYTHON': { rule: '§2.1', about: 'xl\'s "looks like it contains Python code" warning' },
  'CFG-CRLF': { rule: 'X21', about: 'Windows (CRLF) line endings' },
  'CFG-LINE-CONTINUATION': { rule: 'X21', about: 'a line broken with backslash-newline, as documentation prints long lines' },
  'CFG-ESCAPE': { rule: 'X19', about: 'a backslash escape xl rejects inside a quoted string (a single \\: or \\;)' },
  'CFG-OCTAL-ESCAPE': { rule: '§2.2', about: 'a backslash + digits, which xl silently drops' },
  'CFG-NUL': { rule: '§2.1', about: 'a NUL character inside a quoted string (xl aborts)' },
  'CFG-COMMENT-AT-EOF': { rule: '§2.1', about: 'a comment on the last line with no newline after it' },
  'CFG-MISSING-COMMA': { rule: 'X21', about: 'two list items with no comma between them' },
  'CFG-DOUBLE-COMMA': { rule: 'X21', about: 'two commas in a row (or a comma first) in a list' },
  'CFG-BRACKETS': { rule: 'X21', about: 'a list left open, or a stray closing bracket' },
  'CFG-UNQUOTED': { rule: 'X21', about: 'disk specs written without quotes' },
  'CFG-VALUE-ON-NEXT-LINE': { rule: '§2.3', about: 'a line break between = and the value' },
  'CFG-DISK-NOT-LIST': { rule: 'X21', about: 'disk given as one string instead of a list: xl starts the guest with no disks' },
  'CFG-NESTED-LIST': { rule: '§1', about: 'a list inside the disk list: xl ignores it and every item after it' },
  'CFG-DISK-REASSIGNED': { rule: '§2.3', about: 'disk assigned twice: only the last assignment counts' },
  'CFG-CURLY-QUOTES': { rule: 'X21', about: 'typographic quotes pasted from a web page' },
  'CFG-UNICODE-SPACE': { rule: 'X21', about: 'a no-break or other Unicode space (or a byte-order mark) outside the quotes' },
  'CFG-NAME-CASE': { rule: '§2.1', about: 'a setting name with capitals (names are lowercase)' },
  'CFG-UNKNOWN-SETTING': { rule: 'X6', about: 'a misspelt disk setting, which xl ignores' },
  // ---- one xl disk spec (xl-disk-syntax §4–§9)
  'XL-SYNTAX': { rule: '§4.8', about: 'xl rejects the disk spec (in xl\'s words)' },
  'XL-LEGACY-PREFIX': { rule: 'X1', about: 'a legacy prefix (phy:, file:, tap:, aio:…) that xl ignores' },
  'XL-FORMAT-PREFIX': { rule: 'X2', about: 'a legacy format prefix (raw:, qcow2:…)' },
  'XL-SCRIPT-PREFIX': { rule: 'X3', about: 'a legacy script prefix (iscsi:, nbd:, enbd:, drbd:)' },
  'XL-UNKNOWN-PREFIX': { rule: 'X4', about: 'an unknown word: prefix (unknown deprecated disk prefix)' },
  'XL-CASE': { rule: 'X5', about: 'a key or value with capitals (xl is case-sensitive)' },
  'XL-UNKNOWN-KEY': { rule: 'X6', about: 'a misspelt key (unknown parameter), with did-you-mean' },
  'XL-FOREIGN-KEY': { rule: 'X6', about: 'a libvirt/virt-install word used in an xl spec (readonly, type=, bus=, cache=…)' },
  'XL-VALUE': { rule: 'X5', about: 'a misspelt format, backendtype, devtype or specification value' },
  'XL-TARGET-POSITIONAL': { rule: 'X7', about: 'a target with , or = written positionally' },
  'XL-TARGET-NOT-LAST': { rule: 'X8', about: 'target= not last: it swallows the keys after it' },
  'XL-BLANK-SEPARATOR': { rule: 'X8', about: 'keys separated by blanks instead of commas' },
  'XL-RELATIVE-TARGET': { rule: 'X9', about: 'a target that is not an absolute path' },
  'XL-EMPTY-TARGET': { rule: '§9', about: 'a disk (not a cdrom) with an empty target' },
  'XL-NO-VDEV': { rule: 'X10', about: 'no vdev: the next free name for the guest type' },
  'XL-DUPLICATE-VDEV': { rule: 'X11', about: 'two disks with the same vdev' },
  'XL-VDEV-ALIAS': { rule: 'X11', about: 'two vdevs naming the same disk slot (hda / xvda / sda)' },
  'XL-VDEV-EMULATED': { rule: 'X12', about: 'hd/sd names beyond what is emulated, or on a PV/PVH guest' },
  'XL-VDEV-INVALID': { rule: '§8', about: 'a vdev libxl refuses' },
  'XL-PHY-FORMAT': { rule: 'X13', about: 'backendtype phy (or standalone) with a format other than raw' },
  'XL-FORMAT-EXTENSION': { rule: 'X14', about: 'the image extension says another format' },
  'XL-ISO-NOT-CDROM': { rule: 'X14', about: 'an .iso image that is not a cdrom' },
  'XL-CDROM-RW': { rule: 'X15', about: 'access=rw on a cdrom (always read-only)' },
  'XL-ACCESS': { rule: 'X15', about: 'an access word xl does not know (read-only, wr, xm\'s w!)' },
  'XL-LEGACY-CDROM': { rule: 'X16', about: 'the legacy empty-cdrom form ,hdc:cdrom,r' },
  'XL-RESPECIFIED': { rule: 'X17', about: 'a parameter given twice' },
  'XL-TOO-MANY-POSITIONAL': { rule: 'X18', about: 'more positional fields than target, format, vdev, access' },
  'XL-SLOT-SHIFT': { rule: 'X18', about: 'a vdev or access landed in the format slot' },
  'XL-RBD-BACKENDTYPE': { rule: 'X19', about: 'an rbd: (or nbd:) target without backendtype=qdisk' },
  'XL-RBD-FORMAT': { rule: 'X19', about: 'an rbd: target with a format other than raw' },
  'XL-RBD-TARGET': { rule: 'X19', about: 'an rbd: target qemu cannot read (unescaped : in mon_host, …)' },
  'XL-SCRIPT': { rule: 'X20', about: 'a block-script disk: the script must exist on the host' },
  'XL-BACKEND-SCRIPT': { rule: '§9', about: 'backendtype qdisk/standalone with script=' },
  'XL-SPECIFICATION': { rule: '§9', about: 'specification=virtio without backendtype=standalone, or the reverse' },
  'XL-COLO-BACKEND': { rule: '§9', about: 'COLO with backendtype phy/standalone' },
  'XL-EMPTY-FORMAT': { rule: '§9', about: 'format empty on a disk that is not a cdrom' },
  'XL-TAP': { rule: '§9', about: 'backendtype tap, refused before Xen 4.19' },
  'XL-XEN419': { rule: '§0', about: 'trusted/untrusted/grant_usage, which Xen 4.17 reads as positional words' },
  'XL-UNICODE-SPACE': { rule: 'X21', about: 'a no-break or other Unicode space inside a disk spec' },
  'XL-LOOP-BUDGET': { rule: 'seed', about: 'more than 64 file-backed disks (loop devices)' },
  // ---- libvirt <disk> XML (peers-and-ux §3.2)
  'XML-SYNTAX': { rule: 'L18', about: 'the XML is not well-formed, or not disks' },
  'XML-SHAPE': { rule: 'L18', about: 'what was found: several <disk>s, a <devices> or a whole <domain>' },
  'XML-RBD-AS-FILE': { rule: 'L1', about: 'a Ceph image written as a file or block disk' },
  'XML-DRIVER-RBD': { rule: 'L2', about: "<driver type='rbd'>: the type is the image format" },
  'XML-AUTH-USER': { rule: 'L3', about: "<auth username='client.x'>: the client. prefix is implied" },
  'XML-AUTH-SECRET': { rule: 'L4', about: '<auth> without a usable <secret>, or a key pasted into the XML' },
  'XML-NETWORK-DRIVER': { rule: 'L5', about: 'a network disk whose driver is not qemu' },
  'XML-NETWORK-PROTOCOL': { rule: 'L6', about: 'a network protocol libxl rejects (nbd, iscsi, gluster, http…)' },
  'XML-RBD-NAME': { rule: 'L7', about: "':' in an RBD image name" },
  'XML-VOLUME': { rule: 'L8', about: "type='volume' (libxl cannot use pool volumes)" },
  'XML-BUS': { rule: 'L9', about: 'the target prefix and the bus disagree' },
  'XML-DUPLICATE-TARGET': { rule: 'L10', about: 'two disks with the same target dev' },
  'XML-STALE-ADDRESS': { rule: 'L11', about: 'an <address> that does not fit the bus' },
  'XML-ATTR-SPACES': { rule: 'L12', about: 'blanks around an attribute value' },
  'XML-FORMAT': { rule: 'L13', about: 'driver type and image extension disagree, or no driver type' },
  'XML-CDROM': { rule: 'L14', about: 'a cdrom without <readonly/>, or on the virtio bus' },
  'XML-SOURCE-ATTR': { rule: 'L15', about: "the source attribute does not fit the disk type (file= vs dev=)" },
  'XML-SHAREABLE': { rule: 'L16', about: 'a writable disk shared, or the same writable source twice' },
  'XML-RUNTIME': { rule: 'L17', about: 'runtime-only parts pasted from virsh dumpxml (<alias>, source index)' },
} as const;

export type OwnCode = keyof typeof LINT_CODES;
export type LintCode = OwnCode | LvCode;

export function isOwnCode(code: string): code is OwnCode {
  return Object.hasOwn(LINT_CODES, code);
}
