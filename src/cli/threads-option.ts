// `--threads N` on the command line: how many threads analyse documents when an index is built.

/** The value of `--threads`, or undefined (one per core); a value that is not a whole number from 1 stops with a usage line. */
export function threadsOption(argv: string[] = process.argv): number | undefined {
  const i = argv.indexOf('--threads');
  if (i < 0) return undefined;
  const value = argv[i + 1] ?? '';
  if (!/^[1-9]\d{0,2}$/.test(value)) {
    process.stderr.write(`--threads must be a whole number from 1 (threads that analyse documents at once), not "${value}"\n`);
    process.exit(2);
  }
  // Taken out, so that the command's other arguments read as before.
  argv.splice(i, 2);
  return Number(value);
}
