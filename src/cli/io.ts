/**
 * Where the CLI writes and reads; the binary passes the process streams and the file system, tests pass buffers.
 *
 * @example
 * ```ts
 * let out = '';
 * const io: CliIo = { stdout: (s) => (out += s), stderr: (s) => process.stderr.write(s),
 *   readFile: async (p) => new Uint8Array(await readFile(p)), stderrIsTTY: false };
 * await runCli(['edxml', 'validate', 'goi-tin.edxml', '--json'], io);
 * ```
 */
export interface CliIo {
  /** Writes one chunk of standard output (the CLI adds its own newlines). */
  stdout(text: string): void;
  /** Writes one chunk of standard error. */
  stderr(text: string): void;
  /** Reads a file (only the Node binary provides it; commands that need it fail cleanly without it). */
  readFile?(path: string): Promise<Uint8Array>;
  /** Writes a file. */
  writeFile?(path: string, data: Uint8Array | string): Promise<void>;
  /**
   * Whether standard error is a terminal. Only then (and never with `--json`) does long work show a progress line
   * on standard error; standard output never carries progress.
   */
  stderrIsTTY?: boolean;
}

/**
 * Exit codes of the `vn-egov` CLI, stable for scripts:
 * `0` success; `1` the command ran and the answer is negative (invalid, failed verification);
 * `2` usage error (unknown command or option); `3` invalid input (a `VnEgovError`); `4` internal error.
 *
 * @example
 * ```ts
 * if ((await runCli(['lunar', '2026-02-30'], io)) === EXIT_CODES.invalidInput) { … }
 * ```
 */
export const EXIT_CODES = { ok: 0, negative: 1, usage: 2, invalidInput: 3, internal: 4 } as const;

/**
 * Output language of the CLI (`--lang`): Vietnamese (default) or English.
 *
 * @example
 * ```ts
 * const lang: CliLang = 'en';
 * await runCli(['lunar', '2026-02-17', '--lang', lang], io);
 * ```
 */
export type CliLang = 'vi' | 'en';

/** A usage error: unknown command, missing or bad option. @internal */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A file the command was given cannot be read (missing, unreadable). Exit code 3. @internal */
export class InputFileError extends Error {
  constructor(readonly path: string, cause: unknown) {
    super(`${path}: ${cause instanceof Error ? cause.message.replace(/^[A-Z]+: /, '') : String(cause)}`);
    this.name = 'InputFileError';
  }
}
