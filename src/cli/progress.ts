import type { CliIo } from './io.js';

/**
 * A progress line on standard error for long work (tiến độ): rewritten in place with `\r`, erased by `done()`.
 * Silent unless standard error is a terminal and the output is not `--json`, so it never mixes with stdout or
 * with machine output. @internal
 */
export interface Progress {
  /** Shows `label` and, when `total` is given, `current/total`. */
  update(label: string, current?: number, total?: number): void;
  /** Erases the progress line. */
  done(): void;
}

const SILENT: Progress = { update: () => {}, done: () => {} };

/** Creates the progress reporter for one command run. @internal */
export function createProgress(io: CliIo, json: boolean): Progress {
  if (json || io.stderrIsTTY !== true) return SILENT;
  let shown = false;
  return {
    update(label, current, total) {
      const count = current === undefined ? '' : total === undefined ? ` ${current}` : ` ${current}/${total}`;
      io.stderr(`\r\x1b[2K${label}${count}…`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
      shown = false;
    },
  };
}
