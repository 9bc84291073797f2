/**
 * `vn-egov/cli`: the `vn-egov` command line as a function, for embedding and tests. The package's `bin`
 * runs it with the process streams. Node-only (it uses `node:util`).
 *
 * @example
 * ```ts
 * import { runCli } from 'vn-egov/cli';
 * await runCli(['lunar', '2026-02-17', '--lang', 'en'], { stdout: console.log, stderr: console.error });
 * ```
 * @packageDocumentation
 */
export { runCli, CLI_VERSION } from './run.js';
export { EXIT_CODES, type CliIo, type CliLang } from './io.js';
