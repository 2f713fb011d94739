/** `xldisk`: the command-line face of src/core. Reads files and flags, calls core, prints. */
import { runFormat } from './commands/format';
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
  format [--explicit] [--positional] [--xen 4.17|4.19] [-- PART...]
      Print the canonical key=value spec (minimal, or --explicit with format, vdev and
      access always written), or the short positional form.

Options:
  -h, --help     show this help
  -V, --version  show the version
`;

const COMMANDS: Record<string, (argv: string[], io: Io) => number> = {
  parse: runParse,
  format: runFormat,
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

