/** The CLI's contact with the outside: reading input, writing output, exit codes. */
import { readFileSync } from 'node:fs';

/** Reads a file, or standard input for `-`, as UTF-8. */
export function readInput(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

/** Splits standard input into lines as `getline` does: a final newline ends the last line. */
export function inputLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export class UsageError extends Error {}

/** Flags before `--`, and the words after it. */
export function splitArgs(argv: readonly string[]): { flags: string[]; parts: string[] | undefined } {
  const dd = argv.indexOf('--');
  if (dd < 0) return { flags: [...argv], parts: undefined };
  return { flags: argv.slice(0, dd), parts: argv.slice(dd + 1) };
}

/** Takes `--name VALUE` or `--name=VALUE` out of flags. */
export function takeOption(flags: string[], name: string): string | undefined {
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] === name) {
      const v = flags[i + 1];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      flags.splice(i, 2);
      return v;
    }
    if (flags[i].startsWith(`${name}=`)) {
      const v = flags[i].slice(name.length + 1);
      flags.splice(i, 1);
      return v;
    }
  }
  return undefined;
}

/** Takes a boolean `--name` out of flags. */
export function takeFlag(flags: string[], name: string): boolean {
  const i = flags.indexOf(name);
  if (i < 0) return false;
  flags.splice(i, 1);
  return true;
}

export function rejectRest(flags: string[]): void {
  const unknown = flags.find((f) => f.startsWith('-') && f !== '-');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
}

export type Io = {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
};
