// Builds and starts the platform host in embedded mode (SQLite in a temp directory, in-memory bus) on a free port.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdtempSync, openSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../..')
const hostProject = join(repoRoot, 'src/InvestmentPlatform.Host')

export async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer()
    s.unref()
    s.on('error', fail)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => ok(port))
    })
  })
}

export function buildHost() {
  if (process.env.E2E_SKIP_HOST_BUILD === '1') return
  const r = spawnSync('dotnet', ['build', hostProject, '-c', 'Release', '--nologo', '-v', 'q'], { stdio: 'inherit' })
  if (r.status !== 0) throw new Error('dotnet build of the host failed')
}

function hostDll() {
  const bin = join(hostProject, 'bin/Release')
  const tfm = existsSync(bin) ? readdirSync(bin).find((d) => existsSync(join(bin, d, 'InvestmentPlatform.Host.dll'))) : undefined
  if (!tfm) throw new Error(`InvestmentPlatform.Host.dll not found under ${bin}`)
  return join(bin, tfm, 'InvestmentPlatform.Host.dll')
}

/** Starts the host; `restart()` stops and starts it on the same port and data directory (for hub recovery). */
/** The admin the host seeds (Auth__BootstrapAdminPassword), as CI and docker-compose do. */
export const admin = { username: 'admin', password: 'E2e-admin-pass-1' }

/** `bootstrap: false` starts on an empty database with no admin, as a fresh clone does: the host prints a setup link. */
export async function startHost({ logDir, bootstrap = true, name = 'host' }) {
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'ip-e2e-data-'))
  const url = `http://127.0.0.1:${port}`
  const dll = hostDll()
  let child = null
  let starts = 0

  async function start() {
    starts += 1
    const log = openSync(join(logDir, `${name}-${starts}.log`), 'w')
    // The content root is the project folder, so wwwroot is the dashboard `npm run build` just wrote.
    child = spawn('dotnet', [dll, '--urls', url], {
      cwd: hostProject,
      env: {
        ...process.env,
        Database__DataDirectory: dataDir,
        ConnectionStrings__Platform: '',
        Bus__Transport: 'InMemory',
        Platform__Roles: process.env.E2E_HOST_ROLES ?? 'all',
        ASPNETCORE_ENVIRONMENT: 'Production',
        Logging__Json: 'true',
        Auth__BootstrapAdminPassword: bootstrap ? admin.password : '',
      },
      stdio: ['ignore', log, log],
    })
    const exited = new Promise((r) => child.once('exit', (code) => r(code)))
    const deadline = Date.now() + 120_000
    while (Date.now() < deadline) {
      const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r(undefined), 500))])
      if (code !== undefined) throw new Error(`host exited with code ${code} before it was healthy (see ${logDir}/${name}-${starts}.log)`)
      try {
        const res = await fetch(`${url}/api/health/live`)
        if (res.ok) return
      } catch {
        /* not listening yet */
      }
    }
    throw new Error('host did not answer /api/health/live within 120 s')
  }

  async function stop(signal = 'SIGTERM') {
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const c = child
    const gone = new Promise((r) => c.once('exit', r))
    c.kill(signal)
    const t = setTimeout(() => c.kill('SIGKILL'), 8_000)
    await gone
    clearTimeout(t)
  }

  // Never leave the host behind, whichever way this process ends.
  const killNow = () => child && child.exitCode === null && child.kill('SIGKILL')
  process.once('exit', killNow)
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(sig, () => { killNow(); process.exit(130) })

  await start()
  const log = () => readFileSync(join(logDir, `${name}-${starts}.log`), 'utf8')
  return { url, port, dataDir, stop, crash: () => stop('SIGKILL'), start, log }
}
