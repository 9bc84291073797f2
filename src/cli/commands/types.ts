/** What a command returns: the machine form (printed with `--json`) and the human text. @internal */
export interface CommandResult {
  json: unknown;
  text: string;
  /** Exit code; defaults to 0. */
  exitCode?: number;
}
