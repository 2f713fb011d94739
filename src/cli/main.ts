/** Entry of the `xldisk` binary (bundled to dist-cli/xldisk.mjs): real stdin, stdout, exit code. */
import { readFileSync } from 'node:fs';
import { main } from './cli';
import type { Io } from './io';

const chunks: string[] = [];
const io: Io = {
  out: (s) => chunks.push(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, 'utf8'),
};
process.exitCode = main(process.argv.slice(2), io);
process.stdout.write(chunks.join(''));
