/**
 * `vn-egov/scoring`: not implemented yet (tracked as issue 8). This entry point exists so that the package
 * layout and its exports map are stable; it exports nothing until the module lands.
 * @packageDocumentation
 */
export {};
