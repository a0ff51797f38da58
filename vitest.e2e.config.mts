import { defineConfig } from 'vitest/config'

/** Browser tests (`npm run test:e2e`): Chromium against `next dev`, which tests/e2e/globalSetup.ts starts and stops. */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.spec.ts'],
    globalSetup: ['./tests/e2e/globalSetup.ts'],
    // one app, one browser at a time: the files share the server and the machine's two cores
    fileParallelism: false,
    // the first compile of each admin page in `next dev` takes tens of seconds on a small machine
    hookTimeout: 660_000,
    testTimeout: 300_000,
  },
})
