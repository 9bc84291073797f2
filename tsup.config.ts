import { defineConfig } from 'tsup';

/** One entry per subpath export; shared code goes to common chunks so `VnEgovError` has one identity. */
export const entries = {
  index: 'src/index.ts',
  calendar: 'src/calendar/index.ts',
  text: 'src/text/index.ts',
  documents: 'src/documents/index.ts',
  procedures: 'src/procedures/index.ts',
  edxml: 'src/edxml/index.ts',
  signature: 'src/signature/index.ts',
  scoring: 'src/scoring/index.ts',
  testing: 'src/testing/index.ts',
  cli: 'src/cli/index.ts',
  node: 'src/node/index.ts',
};

export default defineConfig([
  {
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'node20',
  platform: 'neutral',
  external: ['zod', 'date-fns', 'fast-xml-parser', 'pkijs', 'asn1js', 'fflate'],
  },
  {
    // The `vn-egov` executable (package.json "bin"): ESM, Node platform, keeps the shebang.
    entry: { 'vn-egov': 'src/cli/bin.ts' },
    outDir: 'dist/bin',
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    splitting: false,
    target: 'node20',
    platform: 'node',
    external: ['zod', 'date-fns', 'fast-xml-parser', 'pkijs', 'asn1js', 'fflate'],
  },
]);
