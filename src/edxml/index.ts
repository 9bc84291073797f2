/**
 * `vn-egov/edxml`: not implemented yet (tracked as issue 5). This entry point exists so that the package
 * layout and its exports map are stable; it exports nothing until the module lands.
 * @packageDocumentation
 */
export {};
