import { existsSync } from 'node:fs';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Browser tests run in Debian's Chromium (apt-get install chromium), found at CHROMIUM_PATH or /usr/bin/chromium.
// Without it the browser project is left out (and not counted); CI installs it and sets VN_EGOV_REQUIRE_BROWSER=1,
// which turns a missing browser into a failure.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveBrowser = existsSync(chromium);
if (!haveBrowser && process.env.VN_EGOV_REQUIRE_BROWSER === '1') {
  throw new Error(`VN_EGOV_REQUIRE_BROWSER=1 but no Chromium at ${chromium}`);
}
if (!haveBrowser) console.warn(`[vn-egov] no Chromium at ${chromium}: browser tests (test-browser/) not run`);

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^vn-egov$/, replacement: `${import.meta.dirname}/src/index.ts` },
      { find: /^vn-egov\/(.*)$/, replacement: `${import.meta.dirname}/src/$1/index.ts` },
    ],
  },
  test: {
    testTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'node', include: ['test/**/*.test.ts'], environment: 'node' } },
      ...(haveBrowser
        ? [
            {
              extends: true as const,
              optimizeDeps: { include: ['zod/mini', 'zod/v4/core', 'pkijs', 'asn1js', 'fast-xml-parser', 'fflate'] },
              test: {
                name: 'browser',
                include: ['test-browser/**/*.browser.test.ts'],
                browser: {
                  enabled: true,
                  headless: true,
                  instances: [{ browser: 'chromium' as const }],
                  provider: playwright({ launchOptions: { executablePath: chromium, args: chromiumArgs } }),
                },
              },
            },
          ]
        : []),
    ],
  },
});
