/**
 * `vn-egov/procedures`: not implemented yet (tracked as issue 4). This entry point exists so that the package
 * layout and its exports map are stable; it exports nothing until the module lands.
 * @packageDocumentation
 */
export {};
