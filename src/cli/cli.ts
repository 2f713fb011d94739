/** `xldisk`: the command-line face of src/core. Reads files and flags, calls core, prints. */
import { runConfig } from './commands/config';
import { runConvert } from './commands/convert';
import { runFormat } from './commands/format';
import { runLint } from './commands/lint';
import { runParse } from './commands/parse';
import { UsageError, type Io } from './io';

const USAGE = `Usage: xldisk COMMAND [options]

Xen virtual disks: xl disk specs, exactly as Xen's libxlutil (4.17) reads them.

Commands:
  parse [--libxl] [--source LABEL] [-- PART...]
      Parse one disk given as PARTs (like \`xl block-attach\` words) and print one JSON
      object; exit 1 when xl would reject it. Without PARTs, read one spec per line of
      standard input and print one JSON object per line. --libxl prints the JSON libxl
      prints for the disk xl would build, or {"error": "<xl's message>"}.
  config [--libxl] FILE|-
      Read a whole xl config as xl does: print JSON with each disk item in the order xl
      uses them (the spec after quote processing, its line and column, its parse, or with
      --libxl libxl's JSON) and xl's errors and warnings; exit 1 when xl would refuse it.
  format [--explicit] [--positional] [--xen 4.17|4.19] [-- PART...]
      Print the canonical key=value spec (minimal, or --explicit with format, vdev and
      access always written), or the short positional form.
  convert --to libvirt [--guest hvm|pv|pvh] -- SPEC
  convert --to libvirt --config FILE
      Print the libvirt <disk> element of a disk spec (guest hvm unless --guest), or the
      <disk> elements of an xl config (guest type from its builder/type settings).
      Differences from libvirt's own converter, and the secret setup for an RBD user, go
      to standard error. RBD auth: --secret-usage NAME (default 'client.{id} secret') or
      --secret-uuid UUID; --reveal-key shows the Ceph key in the secret commands.
  convert --to xl [--config] [--rbd-key KEY] [FILE|-]
      Read a <disk>, several <disk>s, a <devices> or a <domain> and print one xl disk spec
      per line, or with --config the line disk = [ ... ]. --rbd-key writes key= for RBD
      disks with <auth> (otherwise xl uses the host's Ceph keyring).
  lint [--json] [--fix] [--guest hvm|pv|pvh] FILE|-
      Check disk specs, an xl config or libvirt disk XML (detected from the text): print
      FILE:LINE:COL: severity: message [code] per problem (--json: {"diagnostics": [...]}),
      codes in docs/diagnostics.md. --fix prints the fixed text (every safe fix, and the one
      fix of each error that has exactly one) and what remains on standard error. --guest
      is used when the text does not say (xl builder/type, <os><type>). Exit 1 while errors
      remain.

Options:
  -h, --help     show this help
  -V, --version  show the version
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => number> = {
  parse: runParse,
  format: runFormat,
  config: runConfig,
  convert: runConvert,
  lint: runLint,
};

export function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    io.out('xldisk 0.1.0\n');
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`xldisk: unknown command ${command}\n${USAGE}`);
    return 2;
  }
  if (rest.includes('--help') && rest.indexOf('--help') < (rest.indexOf('--') < 0 ? Infinity : rest.indexOf('--'))) {
    io.out(USAGE);
    return 0;
  }
  try {
    return run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`xldisk ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

