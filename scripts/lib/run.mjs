// `node scripts/lib/run.mjs <script.ts> [args…]`: runs a TypeScript script through Vite's module runner, the way
// vitest loads the test suites: our sources are transformed in this thread and packages are imported by Node
// itself. Started with `payload run` or tsx, the scripts exited 0 (or 13) without having run anything in about
// half the runs here (payloadcms/payload#17757): while a module is loading, Node may find nothing holding its
// event loop (work such as WebAssembly compilation for module parsing does not count) and end the process.
import path from 'node:path'
import { createRunnableDevEnvironment, resolveConfig } from 'vite'

// Hold the event loop for the whole run; runScript() ends the process with the work's exit code. A script
// that never finishes fails here instead of exiting 0.
const timeoutMs = Number(process.env.SCRIPT_TIMEOUT_MINUTES ?? 360) * 60_000
setTimeout(() => {
  console.error(`脚本超时 / ${process.argv[2]} did not finish within ${timeoutMs / 60_000} minutes`)
  process.exit(1)
}, timeoutMs)

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
