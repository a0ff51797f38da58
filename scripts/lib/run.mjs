// `node scripts/lib/run.mjs <script.ts> [args…]`: runs a TypeScript script through Vite's module runner, the way
// vitest loads the test suites: our sources are transformed in this thread and packages are imported by Node.
//
// Started with `payload run` or tsx, the scripts exited 0 (or 13) without having run anything in about half the
// runs here (payloadcms/payload#17757): now and then a module load never completes, and Node, finding nothing
// left to wait for, ends the process. It still happens now and then under any loader, always before the script
// has begun, so this file supervises: it runs the script in a child process, and starts it again (up to 3 times)
// when the child ends before runScript() reported that its modules were loaded. After that, the child's exit
// code is the script's (runScript turns an early end into a failure, never a silent 0).
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const [script, ...args] = process.argv.slice(2)
const ATTEMPTS = 3

const runInChild = async () => {
  // the channel to the supervisor must not keep this process alive: a stalled load has to end it
  process.channel?.unref()
  const { createRunnableDevEnvironment, resolveConfig } = await import('vite')
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
}

const supervise = () => {
  if (!script) {
    console.error('usage: node scripts/lib/run.mjs <script.ts> [args…]')
    process.exit(2)
  }
  let attempt = 0
  const start = () => {
    attempt++
    let started = false
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), script, ...args], {
      env: { ...process.env, COMMONS_SCRIPT_CHILD: '1' },
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    })
    child.on('message', (message) => {
      if (message === 'started') started = true
    })
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
    child.on('exit', (code, signal) => {
      if (started || attempt >= ATTEMPTS) {
        if (!started) console.error(`${script}: 模块加载未完成 / its modules did not load in ${ATTEMPTS} attempts`)
        process.exit(started ? (code ?? (signal ? 1 : 0)) : 1)
      }
      console.error(`${script}: 模块加载中断，重新启动 / module loading stopped before the script began (exit ${code ?? signal}); starting again`)
      start()
    })
  }
  start()
}

if (process.env.COMMONS_SCRIPT_CHILD === '1') await runInChild()
else supervise()
