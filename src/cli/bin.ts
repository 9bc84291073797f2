#!/usr/bin/env node
// The `vn-egov` executable (package "bin"): Node-only glue around runCli.
import { readFile, writeFile } from 'node:fs/promises';
import { runCli } from './run.js';

const code = await runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: async (p) => new Uint8Array(await readFile(p)),
  writeFile: (p, d) => writeFile(p, d),
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
