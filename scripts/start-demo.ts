import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

// `npm start`: builds the PWA when no build exists, then runs the portal in demo mode
// (PORTAL_DEMO=1), which creates the demo organizations and accounts on an empty database.
// Other environment variables pass through; SIGINT and SIGTERM are forwarded to the server.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const staticDir = path.resolve(root, process.env.STATIC_DIR || 'dist')

if (!existsSync(path.join(staticDir, 'index.html'))) {
  console.log(`No PWA build in ${staticDir}: running \`npm run build\` first.`)
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error(`The PWA build failed (exit status ${build.status ?? build.signal}); fix the error above and run \`npm start\` again.`)
    process.exit(build.status ?? 1)
  }
}

const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORTAL_DEMO: '1' },
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal)
  })
}

server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0))
})
