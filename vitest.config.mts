import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['tests/int/**/*.int.spec.ts', 'src/**/*.spec.ts', 'scripts/**/*.spec.ts'],
    setupFiles: ['./tests/setup.ts'],
    // Payload boots one database per suite; suites share the machine's two cores, so run files one by one.
    fileParallelism: false,
    hookTimeout: 180_000,
    testTimeout: 90_000,
  },
})
