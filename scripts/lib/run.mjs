// `node scripts/lib/run.mjs <script.ts> [args…]`: runs a TypeScript script through Vite's module runner, the way
// vitest loads the test suites: our sources are transformed in this thread and packages are imported by Node
// itself. tsx (and `payload run`, which uses it) loads modules through a loader thread, and under Node 20 a load
// now and then never finishes, so the process exits 0 (or 13) without having run anything
// (payloadcms/payload#17757).
import path from 'node:path'
import { createRunnableDevEnvironment, resolveConfig } from 'vite'

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node scripts/lib/run.mjs <script.ts> [args…]')
  process.exit(2)
}
process.argv = [process.argv[0], path.resolve(script), ...args]

const config = await resolveConfig(
  {
    configFile: false,
    envDir: false,
    environments: {
      script: { consumer: 'server', dev: { moduleRunnerTransform: true }, resolve: { conditions: ['node'], external: true } },
    },
    logLevel: 'error',
    resolve: { tsconfigPaths: true },
  },
  'serve',
)
const environment = createRunnableDevEnvironment('script', config, { hot: false, runnerOptions: { hmr: false } })
await environment.init()
await environment.runner.import(path.resolve(script))
