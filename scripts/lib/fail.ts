/** Ends a command-line script with one clear line and a non-zero exit, never a stack trace. */
export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
