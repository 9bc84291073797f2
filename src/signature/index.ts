/**
 * `vn-egov/signature`: not implemented yet (tracked as issue 6). This entry point exists so that the package
 * layout and its exports map are stable; it exports nothing until the module lands.
 * @packageDocumentation
 */
export {};
