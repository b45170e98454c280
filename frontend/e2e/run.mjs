// Browser end-to-end tests: playwright-core drives Debian's Chromium against the host in embedded mode.
// A user's path (add a synthetic asset, schedule a job, watch it run live, read its chart), an axe-core scan
// of every page, screenshots for a person under test-output/screenshots, and the hub's loss and recovery.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { admin, buildHost, repoRoot, startHost } from './host.mjs'

const require = createRequire(import.meta.url)
// Evaluated rather than added as a script tag: the page's CSP refuses inline scripts, as it should.
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const out = join(repoRoot, 'test-output')
const shots = join(out, 'screenshots')
mkdirSync(shots, { recursive: true })

const results = []
let page = null
async function test(name, fn) {
  const started = Date.now()
  try {
    await fn()
    results.push({ name, ok: true })
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`)
  } catch (e) {
    results.push({ name, ok: false })
    await page?.screenshot({ path: join(shots, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) }).catch(() => undefined)
    console.log(`  ✗ ${name} (${Date.now() - started} ms)\n      ${String(e?.message ?? e).split('\n').join('\n      ')}`)
  }
}
const expect = (cond, message) => {
  if (!cond) throw new Error(message)
}

if (!existsSync(join(repoRoot, 'src/InvestmentPlatform.Host/wwwroot/index.html'))) {
  console.error('The dashboard is not built: run `npm run build` first.')
  process.exit(1)
}

buildHost()
const host = await startHost({ logDir: out })
const profile = mkdtempSync(join(tmpdir(), 'ip-e2e-chromium-'))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
  baseURL: host.url,
  colorScheme: 'light',
})
page = context.pages()[0] ?? (await context.newPage())
page.setDefaultTimeout(20_000)
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))

const suffix = Date.now().toString(36).slice(-5).toUpperCase()
const symbol = `E2E-SYN-${suffix}`
const jobName = `E2E synthetic ${suffix}`

async function settle() {
  await page.waitForFunction(() => !document.querySelector('.animate-spin'), null, { timeout: 20_000 }).catch(() => undefined)
  await page.waitForTimeout(300)
}

async function axe(name) {
  await page.evaluate(axeSource)
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ['violations'] })
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
  })
  const bad = r.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const minor = r.length - bad.length
  expect(bad.length === 0, `${name}: ${bad.length} serious/critical axe violations:\n${bad.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n')}`)
  if (minor) console.log(`      (${name}: ${minor} minor/moderate axe findings)`)
}

async function shot(name, fullPage = true) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage })
}

/** An access token for calls the test makes itself, outside the page. */
// One sign-in per user for the API calls of the whole run: sign-ins are rate limited per address, as they should be.
const tokens = new Map()
async function apiToken(username = admin.username, password = admin.password) {
  if (tokens.has(username)) return tokens.get(username)
  const res = await fetch(`${host.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) })
  expect(res.ok, `sign-in as ${username}: ${res.status}`)
  const token = (await res.json()).accessToken
  tokens.set(username, token)
  return token
}

async function signInAs(username, password) {
  await page.goto('/login')
  const form = page.getByRole('form', { name: 'Sign in' })
  await form.getByLabel('User name').fill(username)
  await form.getByLabel('Password', { exact: true }).fill(password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await page.getByTestId('current-user-name').getByText(username, { exact: true }).waitFor()
}

async function signOut() {
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.waitForURL('**/login')
}

async function hubState() {
  return page.getAttribute('[data-testid="hub-status"]', 'data-state')
}

console.log(`E2E against ${host.url} (data in ${host.dataDir})`)
try {
  await test('sign in as admin and land where the link pointed', async () => {
    await page.goto('/scheduler?tab=runs')
    await page.waitForURL('**/login?next=*')
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor()
    const form = page.getByRole('form', { name: 'Sign in' })
    await form.getByLabel('User name').fill(admin.username)
    await form.getByLabel('Password', { exact: true }).fill('not the password')
    await form.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('alert').getByText('Unknown user name or wrong password.').waitFor()
    await settle()
    await shot('login')
    await axe('login')
    await form.getByLabel('Password', { exact: true }).fill(admin.password)
    await form.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL('**/scheduler?tab=runs')
    await page.locator('[data-testid="current-user"][data-role="admin"] [data-testid="current-user-name"]', { hasText: admin.username }).waitFor()
  })

  await test('dashboard loads and the live connection comes up', async () => {
    await page.goto('/')
    await page.getByRole('heading', { name: 'Market overview' }).waitFor()
    await page.waitForSelector('[data-testid="hub-status"][data-state="connected"]', { timeout: 20_000 })
  })

  await test('add a synthetic asset from the Assets page', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click()
    await page.getByRole('button', { name: 'Add asset' }).click()
    const form = page.getByRole('form', { name: 'Add asset' })
    // Validation before sending: an empty symbol is refused in the browser.
    await form.getByRole('button', { name: 'Add asset' }).click()
    await form.getByText('Enter a symbol.').waitFor()
    await form.getByLabel('Symbol').fill(symbol)
    await form.getByLabel('Name').fill('E2E synthetic asset')
    await form.getByLabel('Source').selectOption('synthetic')
    await form.getByRole('button', { name: 'Add asset' }).click()
    await page.waitForURL(`**/assets/${encodeURIComponent(symbol)}`)
    await page.getByRole('heading', { name: symbol, level: 1 }).waitFor()
    await page.getByText('synthetic', { exact: true }).first().waitFor()
  })

  let jobId = null
  await test('create a job from the UI for the synthetic symbol', async () => {
    await page.goto('/scheduler?tab=new')
    const form = page.getByRole('form', { name: 'New job' })
    await form.getByLabel('Name').fill(jobName)
    await form.getByLabel('Source').selectOption('synthetic')
    await form.getByLabel('Symbols').fill(symbol)
    await form.getByLabel('Interval').selectOption('1d')
    await form.getByLabel('Mode').selectOption('batch')
    await form.getByLabel('Look back (days)').fill('120')
    // A cron that fires hourly: the run under test is the manual one below.
    await form.getByLabel('Cron (Quartz, seconds first)').fill('0 0 * * * ?')
    await page.getByTestId('cron-preview').getByText(/UTC/).first().waitFor()
    await shot('scheduler-new-job')
    await form.getByRole('button', { name: 'Create job' }).click()
    const row = page.locator(`li[data-job-name="${jobName}"]`)
    await row.waitFor()
    jobId = await row.getAttribute('data-job-id')
    expect(jobId, 'the new job has an id')
  })

  await test('run the job and see it finish live, without a reload', async () => {
    expect(jobId, 'needs the job from the previous test')
    await page.evaluate(() => (window.__e2eNoReload = true))
    const row = page.locator(`li[data-job-id="${jobId}"]`)
    const seen = new Set()
    await row.getByRole("button", { name: `Run now: ${jobName}` }).click()
    const deadline = Date.now() + 90_000
    let status = ''
    while (Date.now() < deadline) {
      status = (await row.locator('[data-testid="job-last-status"] [data-status]').getAttribute('data-status').catch(() => null)) ?? ''
      if (status) seen.add(status)
      if (['succeeded', 'failed', 'timed_out', 'skipped'].includes(status)) break
      await page.waitForTimeout(150)
    }
    expect(status === 'succeeded', `the run ended as '${status}' (states seen: ${[...seen].join(' → ')})`)
    expect(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded')
    console.log(`      states seen live: ${[...seen].join(' → ')}`)
    await page.getByRole('tab', { name: 'Run history' }).click()
    await page.locator('tr[data-status="succeeded"]').first().waitFor()
    await settle()
    await shot('scheduler-runs')
  })

  await test("edit a job's cron and see its next fire times change", async () => {
    expect(jobId, 'needs the job from the earlier test')
    await page.goto('/scheduler')
    const row = page.locator(`li[data-job-id="${jobId}"]`)
    await row.getByRole('button', { name: `Edit ${jobName}` }).click()
    const form = page.getByRole('form', { name: 'Edit job' })
    const cron = form.getByLabel('Cron (Quartz, seconds first)')
    expect((await cron.inputValue()) === '0 0 * * * ?', `the form opened with cron '${await cron.inputValue()}'`)
    const preview = page.getByTestId('cron-preview')
    await preview.locator('li').first().waitFor()
    const before = await preview.locator('li').allTextContents()
    await cron.fill('0 30 9 ? * MON-FRI')
    await page.waitForFunction((old) => {
      const now = [...document.querySelectorAll('[data-testid="cron-preview"] li')].map((li) => li.textContent)
      return now.length > 0 && now.join('|') !== old && now.every((t) => t.includes('09:30'))
    }, before.join('|'))
    const after = await preview.locator('li').allTextContents()
    console.log(`      next fire times: ${before[0]} … → ${after[0]} …`)
    await axe('edit job form')
    await shot('scheduler-edit-job')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await form.waitFor({ state: 'detached' })
    await row.getByText('cron 0 30 9 ? * MON-FRI').waitFor()
    // The scheduler reconciles the job's trigger from the change message; the list shows it once that is done.
    const deadline = Date.now() + 30_000
    let next = ''
    while (Date.now() < deadline) {
      next = (await row.locator('p.num').textContent()) ?? ''
      if (next.includes(after[0])) break
      await page.waitForTimeout(1000)
      await page.reload()
    }
    expect(next.includes(after[0]), `the job's next fire time reads '${next}', not the previewed ${after[0]}`)
  })

  await test('a stale job edit is refused with a reload that brings the newer version', async () => {
    expect(jobId, 'needs the job from the earlier test')
    await page.goto('/scheduler')
    const row = page.locator(`li[data-job-id="${jobId}"]`)
    await row.getByRole('button', { name: `Edit ${jobName}` }).click()
    const form = page.getByRole('form', { name: 'Edit job' })
    await form.getByLabel('Description').fill('edited in the browser')
    // Someone else saves the job while the form is open.
    const auth = { Authorization: `Bearer ${await apiToken()}`, 'Content-Type': 'application/json' }
    const current = await (await fetch(`${host.url}/api/scheduler/jobs/${jobId}`, { headers: auth })).json()
    const put = await fetch(`${host.url}/api/scheduler/jobs/${jobId}`, { method: 'PUT', headers: auth, body: JSON.stringify({ ...current, description: 'edited elsewhere' }) })
    expect(put.ok, `the concurrent edit answered ${put.status}`)
    await form.getByRole('button', { name: 'Save changes' }).click()
    const alert = form.getByRole('alert').filter({ hasText: 'This job was changed elsewhere' })
    await alert.waitFor()
    await axe('stale job edit')
    await shot('scheduler-edit-job-stale')
    await form.getByRole('button', { name: 'Reload job' }).click()
    await alert.waitFor({ state: 'detached' })
    const description = page.getByRole('form', { name: 'Edit job' }).getByLabel('Description')
    await page.waitForFunction(() => document.querySelector('form[aria-label="Edit job"]') !== null)
    expect((await description.inputValue()) === 'edited elsewhere', `after the reload the description reads '${await description.inputValue()}'`)
    await page.getByRole('form', { name: 'Edit job' }).getByRole('button', { name: 'Cancel' }).click()
  })

  await test("open the asset's chart and read the bars' count", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click()
    await page.getByLabel('Search symbol or name').fill(symbol)
    await page.getByRole('link', { name: symbol }).click()
    await page.getByRole('heading', { name: symbol, level: 1 }).waitFor()
    const count = page.getByTestId('bar-count')
    await count.waitFor()
    const bars = Number(await count.getAttribute('data-count'))
    const api = await (await fetch(`${host.url}/api/market-data/${encodeURIComponent(symbol)}/bars?interval=1d&limit=1000`,
      { headers: { Authorization: `Bearer ${await apiToken()}` } })).json()
    console.log(`      chart shows ${bars} bars; the API has ${api.bars?.length}`)
    expect(bars > 0, 'the chart has no bars')
    expect(bars === api.bars.length, `chart shows ${bars} bars, API answers ${api.bars.length}`)
    await page.locator('canvas').first().waitFor()
    await settle()
    await shot('asset-detail')
  })

  await test('hover a candle and read the legend; choose 1Y and see its bars load', async () => {
    const chart = page.getByRole('img', { name: /candlestick chart/ })
    const legend = page.getByTestId('chart-legend')
    const newest = await legend.getAttribute('data-time')
    const box = await chart.boundingBox()
    expect(box, 'the chart has no box')
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.5)
    await page.waitForFunction((t) => document.querySelector('[data-testid="chart-legend"]')?.getAttribute('data-time') !== t, newest)
    const text = await legend.textContent()
    console.log(`      legend under the pointer: ${text}`)
    expect(/O\s?[\d,]+\.\d{2}/.test(text) && /C\s?[\d,]+\.\d{2}/.test(text), `the legend reads '${text}'`)
    await page.mouse.move(box.x + box.width / 2, box.y - 40)
    await page.waitForFunction((t) => document.querySelector('[data-testid="chart-legend"]')?.getAttribute('data-time') === t, newest)

    const headers = { Authorization: `Bearer ${await apiToken()}` }
    const base = `${host.url}/api/market-data/${encodeURIComponent(symbol)}/bars?interval=1d`
    const last = (await (await fetch(`${base}&limit=1`, { headers })).json()).bars[0].time
    const from = new Date(Date.parse(last) - 365 * 86_400_000).toISOString()
    const year = (await (await fetch(`${base}&from=${from}&limit=1000`, { headers })).json()).bars.length
    const ranges = page.getByRole('group', { name: 'Chart range' })
    await ranges.getByRole('button', { name: '1Y' }).click()
    await page.waitForSelector(`[data-testid="bar-count"][data-count="${year}"]`)
    expect(await ranges.getByRole('button', { name: '1Y' }).getAttribute('aria-pressed') === 'true', '1Y is not marked as chosen')
    console.log(`      1Y shows ${year} bars from ${from.slice(0, 10)}`)
    await settle()
    await shot('asset-chart-1y')
    await ranges.getByRole('button', { name: 'All' }).click()
  })

  await test('collect now (incremental) shows live progress to the end', async () => {
    await page.getByRole('form', { name: 'Collect now' }).getByRole('button', { name: 'Collect now' }).click()
    const progress = page.getByTestId('request-progress')
    await progress.waitFor()
    await page.waitForSelector('[data-testid="request-progress"][data-status="succeeded"]', { timeout: 60_000 })
    await page.locator('[data-testid="coverage-1d"]').waitFor()
    await settle()
    await shot('asset-collect-now')
  })


  const csvSymbol = `CSV${suffix}`.slice(0, 20)
  await test('import prices from a CSV file on the Assets page and read them back', async () => {
    const csv = 'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,10,11,9,10.5,10.5,1000\n2024-01-03,10.5,12,10,11.25,11.25,1200\n2024-01-04,oops,12,10,11,11,900\n'
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Assets' }).click()
    await page.getByRole('button', { name: 'Import CSV' }).click()
    const form = page.getByRole('form', { name: 'Import prices from CSV' })
    await form.getByLabel('CSV file').setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await form.getByLabel('Symbol').fill(csvSymbol)
    await form.getByRole('button', { name: 'Import' }).click()
    await page.waitForSelector('[data-testid="request-progress"][data-status="succeeded"]', { timeout: 60_000 })
    await page.getByTestId('request-progress').getByText('1 rejected').waitFor()
    const api = await (await fetch(`${host.url}/api/market-data/${encodeURIComponent(csvSymbol)}/bars?interval=1d&from=2024-01-01&to=2024-02-01`,
      { headers: { Authorization: `Bearer ${await apiToken()}` } })).json()
    expect(JSON.stringify(api.bars?.map((b) => b.close)) === '[10.5,11.25]', `the API has ${JSON.stringify(api.bars)}`)
    await settle()
    await shot('assets-csv-import')
  })

  await test("the CSV's rejected row is listed with its reason under the request and in the asset's collection history", async () => {
    const reason = "open 'oops' is not a number"
    await page.getByRole('region', { name: 'Rejected rows' }).getByText(reason).waitFor()
    await page.goto(`/assets/${encodeURIComponent(csvSymbol)}`)
    const history = page.locator('#history')
    await history.getByRole('region', { name: 'Rejected rows' }).getByText(reason).waitFor()
    const open = history.getByRole('button', { name: /^Show the 1 rejected row of the collection started / })
    await open.focus()
    await page.keyboard.press('Enter')
    const one = history.getByRole('region', { name: /^Rejected rows of the collection started / })
    await one.getByText(reason).waitFor()
    const cells = await one.getByRole('row').nth(1).getByRole('cell').allInnerTexts()
    const expected = ['2024-01-04 00:00 UTC', '—', '12', '10', '11', '900']
    expect(expected.every((v, i) => cells[i] === v) && cells[6].includes('line 4: 2024-01-04,oops,12,10,11,11,900'),
      `the row reads ${JSON.stringify(cells)}`)
    await settle()
    await shot('asset-rejected-rows')
    await axe('asset rejected rows')
  })

  const analyst = { username: `analyst-${suffix.toLowerCase()}`, password: 'Analyst-pass-1' }
  const viewer = { username: `viewer-${suffix.toLowerCase()}`, password: 'Viewer-pass-1' }
  await test('the admin invites an analyst and a viewer', async () => {
    await page.goto('/users')
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor()
    const form = page.getByRole('form', { name: 'Invite a user' })
    for (const [who, role] of [[analyst, 'analyst'], [viewer, 'viewer']]) {
      await form.getByLabel('User name').fill(who.username)
      await form.getByLabel('First password').fill(who.password)
      await form.getByLabel('Role').selectOption(role)
      await form.getByRole('button', { name: 'Invite' }).click()
      await page.locator(`tr[data-user="${who.username}"]`).waitFor()
    }
    await settle()
    await shot('users')
    await axe('users')
  })

  let analystKey = null
  let analystJobId = null
  const analystJobName = `E2E analyst ${suffix}`
  await test('the analyst makes a key, schedules a job of their own, runs it and sees it finish live', async () => {
    await signOut()
    await signInAs(analyst.username, analyst.password)
    await page.goto('/keys')
    const form = page.getByRole('form', { name: 'New key' })
    await form.getByLabel('Name').fill('notebook')
    await form.getByLabel('Scope').selectOption('write')
    await form.getByRole('button', { name: 'Create key' }).click()
    analystKey = await page.getByTestId('new-key-secret').textContent()
    await page.locator('tr[data-key="notebook"]').waitFor()
    await settle()
    await shot('api-keys')
    await axe('api keys')
    const withKey = await fetch(`${host.url}/api/scheduler/jobs`, { headers: { 'X-Api-Key': analystKey } })
    expect(withKey.status === 200, `the analyst's key is refused: ${withKey.status}`)

    await page.goto('/scheduler?tab=new')
    const jobForm = page.getByRole('form', { name: 'New job' })
    await jobForm.getByLabel('Name').fill(analystJobName)
    await jobForm.getByLabel('Source').selectOption('synthetic')
    await jobForm.getByLabel('Symbols').fill(symbol)
    await jobForm.getByLabel('Interval').selectOption('1d')
    await jobForm.getByLabel('Mode').selectOption('batch')
    await jobForm.getByLabel('Look back (days)').fill('120')
    await jobForm.getByLabel('Cron (Quartz, seconds first)').fill('0 0 * * * ?')
    await jobForm.getByRole('button', { name: 'Create job' }).click()
    const row = page.locator(`li[data-job-name="${analystJobName}"]`)
    await row.waitFor()
    analystJobId = await row.getAttribute('data-job-id')
    // The admin's job is someone else's: its controls are disabled for the analyst.
    expect(await page.locator(`li[data-job-id="${jobId}"]`).getByRole('button', { name: `Run now: ${jobName}` }).isDisabled(),
      "Run now is enabled on another user's job")

    const runs = async () => (await (await fetch(`${host.url}/api/scheduler/runs?jobId=${analystJobId}&status=succeeded&pageSize=1`, { headers: { 'X-Api-Key': analystKey } })).json()).totalCount
    const before = await runs()
    await page.evaluate(() => (window.__e2eNoReload = true))
    await row.getByRole('button', { name: `Run now: ${analystJobName}` }).click()
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline && (await runs()) <= before) await page.waitForTimeout(300)
    expect((await runs()) === before + 1, `the analyst's run did not succeed (${before} succeeded runs before)`)
    await page.waitForSelector(`li[data-job-id="${analystJobId}"] [data-testid="job-last-status"] [data-status="succeeded"]`, { timeout: 20_000 })
    expect(await page.evaluate(() => window.__e2eNoReload === true), 'the page was reloaded')
  })

  await test("a viewer sees the analyst's job but cannot change it, and is told why", async () => {
    await signOut()
    await signInAs(viewer.username, viewer.password)
    await page.goto('/scheduler?tab=jobs')
    const row = page.locator(`li[data-job-id="${analystJobId}"]`)
    await row.waitFor()
    await page.getByTestId('role-note').waitFor()
    expect(await row.getByRole('button', { name: `Run now: ${analystJobName}` }).isDisabled(), 'Run now is enabled for a viewer')
    const refused = await fetch(`${host.url}/api/scheduler/jobs/${analystJobId}/trigger`, { method: 'POST', headers: { Authorization: `Bearer ${await apiToken(viewer.username, viewer.password)}` } })
    expect(refused.status === 403, `the API let a viewer run the job: ${refused.status}`)
    await settle()
    await shot('scheduler-viewer')
    await axe('scheduler (viewer)')
  })

  await test("the admin revokes the analyst's key and the next call fails", async () => {
    await signOut()
    await signInAs(admin.username, admin.password)
    await page.goto('/keys')
    const row = page.locator('tr[data-key="notebook"]')
    page.once('dialog', (d) => d.accept())
    await row.getByRole('button', { name: 'Revoke notebook' }).click()
    await row.getByText('revoked').waitFor()
    const after = await fetch(`${host.url}/api/scheduler/jobs`, { headers: { 'X-Api-Key': analystKey } })
    expect(after.status === 401, `a revoked key still works: ${after.status}`)
  })

  await test("the audit log shows who changed what", async () => {
    await page.goto('/audit')
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor()
    await page.getByLabel('User').fill(analyst.username)
    await page.getByText(`POST /api/scheduler/jobs/${analystJobId}/trigger`).first().waitFor()
    await settle()
    await shot('audit')
    await axe('audit')
  })

  const alertName = `E2E alert ${suffix}`
  await test('create an alert rule, send a test and hear it live', async () => {
    await page.goto('/alerts?tab=new')
    const form = page.getByRole('form', { name: 'New alert rule' })
    // Validation before sending: an empty rule is refused in the browser, field by field.
    await form.getByRole('button', { name: 'Create rule' }).click()
    await form.getByText('Give the rule a name.').waitFor()
    await form.getByLabel('Name').fill(alertName)
    await form.getByLabel('Symbol').fill(symbol)
    await form.getByLabel('Interval').selectOption('1d')
    // Far above any synthetic price: the rule does not fire during the run.
    await form.getByRole('textbox', { name: 'Level', exact: true }).fill('1000000')
    await form.getByLabel('Hysteresis').fill('5')
    await form.getByRole('button', { name: 'Create rule' }).click()
    const row = page.locator(`tr[data-rule-name="${alertName}"]`)
    await row.waitFor()
    await row.getByRole('button', { name: `Send test: ${alertName}` }).click()
    await page.getByText(`Test sent for ${alertName}`).waitFor()
    // The test goes through the outbox, the bus and the hub to this user's connection: the bell announces it.
    await page.getByText(`New alert: ${alertName}.`, { exact: false }).waitFor({ state: 'attached', timeout: 20_000 })
    await row.getByRole('button', { name: `History of ${alertName}` }).click()
    await page.getByText(`${alertName} has not fired yet.`).waitFor()
  })

  await test("alert me from an asset's page: collected bars past the level raise the bell's count live", async () => {
    const assetPage = `/assets/${encodeURIComponent(symbol)}`
    await page.goto(assetPage)
    // The link carries the chart's last close once it is known.
    const alertMe = page.getByTestId('alert-me')
    await page.waitForFunction(() => /[?&]level=/.test(document.querySelector('[data-testid="alert-me"]')?.getAttribute('href') ?? ''))
    const last = Number(new URL(await alertMe.getAttribute('href'), host.url).searchParams.get('level'))
    expect(last > 0, `the link carries no last close: ${await alertMe.getAttribute('href')}`)
    await alertMe.click()
    const form = page.getByRole('form', { name: 'New alert rule' })
    const level = form.getByRole('textbox', { name: 'Level', exact: true })
    expect(Number(await level.inputValue()) === last, `the level reads ${await level.inputValue()}, the chart's last close is ${last}`)
    expect(await form.getByLabel('Symbol').inputValue() === symbol, 'the symbol is not filled in')
    const name = `E2E alert me ${suffix}`
    await form.getByLabel('Name').fill(name)
    // Below twice the last close: the next bars collected are past it, so the armed rule fires on them.
    await form.getByLabel('Direction').selectOption('below')
    await level.fill(String(last * 2))
    await form.getByRole('button', { name: 'Create rule' }).click()
    await page.locator(`tr[data-rule-name="${name}"]`).waitFor()

    await page.goto(assetPage)
    const bell = page.getByTestId('notification-bell')
    await bell.waitFor()
    await settle()
    const before = Number(await bell.getAttribute('data-unread'))
    await page.getByRole('form', { name: 'Collect now' }).getByRole('button', { name: 'Collect now' }).click()
    await page.waitForSelector('[data-testid="request-progress"][data-status="succeeded"]', { timeout: 60_000 })
    // No reload: the hub's push moves the count.
    await page.waitForSelector(`[data-testid="notification-bell"][data-unread="${before + 1}"]`, { timeout: 30_000 })
    await page.getByText(`New alert: ${name}.`, { exact: false }).waitFor({ state: 'attached' })
    await shot('asset-alert-me-fired', false)
  })

  await test('ask for a coverage report on the Reports page, see it finish live and download it', async () => {
    await page.goto('/reports')
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor()
    const form = page.getByRole('form', { name: 'New report' })
    await form.getByLabel('Kind').selectOption('coverage')
    await form.getByLabel('Symbols').fill(symbol)
    await form.getByLabel('Excel').check()
    await form.getByRole('button', { name: 'Generate' }).click()
    // No reload: the hub's report_ready brings the finished row and its Download button.
    const button = page.getByRole('button', { name: /^Download data-coverage-.*\.xlsx$/ })
    await button.waitFor({ timeout: 60_000 })
    await shot('reports')
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()])
    expect(/^data-coverage-.*\.xlsx$/.test(file.suggestedFilename()), `downloaded ${file.suggestedFilename()}`)
    const bytes = readFileSync(await file.path())
    // An .xlsx is a zip: it starts with PK.
    expect(bytes.length > 1000 && bytes[0] === 0x50 && bytes[1] === 0x4b, `the file is not a workbook (${bytes.length} bytes)`)
  })

  await test('paper trading: a limit order waits, collected bars cross it, the blotter fills live and the position is in the portfolio', async () => {
    const auth = { Authorization: `Bearer ${await apiToken()}`, 'Content-Type': 'application/json' }
    const coin = `E2E-COIN-${suffix}`
    // Synthetic crypto trades every day, so the bars that come after the order exist whatever day the run is on.
    const collect = async (from, to) => {
      const res = await fetch(`${host.url}/api/ingestion/requests`, { method: 'POST', headers: auth,
        body: JSON.stringify({ source: 'synthetic', symbols: [coin], assetType: 'crypto', interval: '1d', from, to, mode: 'batch' }) })
      const body = await res.text()
      expect(res.status === 202, `collect ${from}..${to}: ${res.status} ${body}`)
      return JSON.parse(body).requestId
    }
    const finished = async (id) => {
      for (let i = 0; i < 300; i++) {
        const r = await (await fetch(`${host.url}/api/ingestion/requests/${id}`, { headers: auth })).json()
        if (!['pending', 'running'].includes(r.status)) return r.status
        await new Promise((done) => setTimeout(done, 200))
      }
      throw new Error(`request ${id} did not finish in 60 s`)
    }
    // History up to yesterday's bar; today's bar, still trading, comes after the order.
    const day = 86_400_000
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate())
    const iso = (t) => new Date(t).toISOString()
    expect((await finished(await collect(iso(today - 180 * day), iso(today - day / 2)))) === 'succeeded', 'the history was not collected')

    await page.goto('/trading')
    await page.getByRole('heading', { name: 'Paper trading', level: 1 }).waitFor()
    const account = `E2E paper ${suffix}`
    const opening = page.getByRole('form', { name: 'New paper account' })
    await opening.getByLabel('Account name').fill(account)
    await opening.getByLabel('Starting cash').fill('100000')
    await opening.getByRole('button', { name: 'Open account' }).click()
    await page.getByText(`${account} · USD`).waitFor()

    const ticket = page.getByRole('form', { name: 'Order ticket' })
    await ticket.getByLabel('Symbol').fill(coin)
    await ticket.getByLabel('Order type').selectOption('limit')
    await ticket.getByLabel('Time in force').selectOption('gtc')
    await ticket.getByLabel('Quantity').fill('2')
    await ticket.getByTestId('estimate').getByText(/Last close/).waitFor()
    const last = (await (await fetch(`${host.url}/api/market-data/${encodeURIComponent(coin)}/latest?interval=1d`, { headers: auth })).json()).close
    // A buy limit above the last close by more than a day's gap: today's bar trades through it.
    const limit = Number((last * 1.2).toPrecision(6))
    await ticket.getByLabel('Limit price').fill(String(limit))
    await ticket.getByRole('button', { name: 'Submit order' }).click()
    const blotter = page.locator('#blotter')
    const row = blotter.getByRole('row').filter({ hasText: coin })
    await row.getByText('accepted').waitFor()
    // The limit reads as it was entered, every decimal of it (a cheap coin's limit is not cut to cents).
    const entered = limit.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 })
    expect((await row.innerText()).includes(entered), `the blotter row does not show the limit ${entered}: ${await row.innerText()}`)
    await settle()
    await shot('trading-order-working', false)

    // No reload from here: the order's update comes over the hub once the loader has stored the new bars.
    expect((await finished(await collect(iso(today - day / 2), iso(Date.now())))) === 'succeeded', "today's bar was not collected")
    await row.getByText('filled', { exact: true }).waitFor({ timeout: 60_000 })
    const fillsCard = page.locator('#fills')
    await fillsCard.getByRole('row').filter({ hasText: coin }).first().waitFor()
    await settle()
    await shot('trading-order-filled')

    await page.goto('/portfolio')
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor()
    const picker = page.getByLabel('Portfolio', { exact: true })
    if (await picker.count()) await picker.selectOption({ label: account })
    const holding = page.getByRole('row').filter({ hasText: coin }).first()
    await holding.waitFor()
    expect(/\b2(\.0+)?\b/.test(await holding.innerText()), `the portfolio's ${coin} row does not hold 2: ${await holding.innerText()}`)
    // The fill was paid for from the account's cash, booked after the deposit that opened it.
    const cash = await page.getByRole('row').filter({ hasText: /^Cash/ }).first().innerText()
    // At most the limit a unit, plus a fee of 0.1 % (at least 1.00).
    const left = Number(cash.replace(/[^0-9.]/g, ''))
    expect(left < 100_000 && left >= 100_000 - 2 * limit * 1.001 - 1, `cash after the fill: ${cash}`)
    await settle()
    await shot('portfolio-paper-position')
  })

  await test('data quality: a crafted outlier is flagged on the chart, and accepting it clears the flag', async () => {
    const auth = { Authorization: `Bearer ${await apiToken()}` }
    const spiky = `E2E-SPIKE-${suffix}`
    // Thirty NYSE sessions of quiet prices with one day ten times too high: the outlier check flags it.
    const holidays = new Set(['2024-01-15', '2024-02-19'])
    const rows = []
    for (let d = new Date(Date.UTC(2024, 0, 2)); rows.length < 30; d = new Date(d.getTime() + 86_400_000)) {
      const day = d.toISOString().slice(0, 10)
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6 || holidays.has(day)) continue
      const close = rows.length === 20 ? 1000 : Number((100 + Math.sin(rows.length) * 0.8).toFixed(2))
      rows.push(`${day},${close},${close + 0.5},${close - 0.5},${close},${close},1000000`)
    }
    const csv = `Date,Open,High,Low,Close,Adj Close,Volume\n${rows.join('\n')}\n`
    const res = await fetch(`${host.url}/api/ingestion/requests/csv?symbol=${spiky}&assetType=stock&interval=1d`,
      { method: 'POST', headers: { ...auth, 'Content-Type': 'text/csv' }, body: csv })
    expect(res.status === 202, `upload: ${res.status} ${await res.text()}`)
    // The checks run on the worker after the load; the page shows what they stored.
    let series = null
    for (let i = 0; i < 300 && !series?.findings?.some((f) => f.kind === 'outlier'); i++) {
      await new Promise((done) => setTimeout(done, 200))
      const q = await fetch(`${host.url}/api/assets/${spiky}/quality`, { headers: auth })
      if (q.ok) series = (await q.json()).series.find((x) => x.interval === '1d')
    }
    expect(series?.findings?.some((f) => f.kind === 'outlier'), `no outlier found for ${spiky}: ${JSON.stringify(series)}`)

    await page.goto(`/quality?symbol=${spiky}&interval=1d`)
    await page.getByRole('heading', { name: 'Data quality', level: 1 }).waitFor()
    const chart = page.getByRole('img', { name: new RegExp(`^${spiky} 1d candlestick chart`) })
    const flagged = async () => Number((await chart.getAttribute('aria-label')).match(/with (\d+) flagged/)[1])
    await chart.waitFor()
    const before = await flagged()
    expect(before >= 1, `the chart flags ${before} findings`)
    await settle()
    await shot('quality-series')
    await axe('quality series')
    await page.getByRole('button', { name: /^Accept outlier on / }).first().click()
    await page.waitForFunction(([name, n]) => {
      const label = document.querySelector(`[aria-label^="${name} 1d candlestick chart"]`)?.getAttribute('aria-label') ?? ''
      return Number(label.match(/with (\d+) flagged/)?.[1] ?? -1) === n - 1
    }, [spiky, before], { timeout: 20_000 })
    await page.getByRole('row').filter({ hasText: 'accepted' }).first().waitFor()
    await settle()
    await shot('quality-accepted')
  })

  const pages = [
    ['dashboard', '/', 'Market overview'],
    ['assets', '/assets', 'Assets'],
    ['asset-detail', `/assets/${encodeURIComponent(symbol)}`, symbol],
    ['scheduler-jobs', '/scheduler?tab=jobs', 'Scheduler'],
    ['scheduler-new', '/scheduler?tab=new', 'Scheduler'],
    ['scheduler-runs', '/scheduler?tab=runs', 'Scheduler'],
    ['scheduler-graph', '/scheduler?tab=graph', 'Scheduler'],
    ['scheduler-templates', '/scheduler?tab=templates', 'Scheduler'],
    ['scheduler-analytics', '/scheduler?tab=analytics', 'Scheduler'],
    ['portfolio', '/portfolio', 'Portfolio'],
    ['analytics', '/analytics', 'Analytics'],
    ['alerts-rules', '/alerts?tab=rules', 'Alerts'],
    ['alerts-new', '/alerts?tab=new', 'Alerts'],
    ['alerts-inbox', '/alerts?tab=inbox', 'Alerts'],
    ['alerts-channels', '/alerts?tab=channels', 'Alerts'],
    ['reports', '/reports', 'Reports'],
    ['trading', '/trading', 'Paper trading'],
    ['quality', '/quality', 'Data quality'],
    ['not-found', '/no/such/page', 'Page not found'],
  ]
  for (const [name, path, heading] of pages) {
    await test(`axe scan and screenshot: ${name}`, async () => {
      await page.goto(path)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      if (name === 'analytics') {
        // The defaults come with the picker; typing after them replaces them, as a user would.
        await page.getByRole('group', { name: 'Assets with daily bars' }).waitFor()
        await page.getByLabel('Symbols').fill(symbol)
        await page.getByRole('button', { name: 'Analyse' }).click()
        // The picked symbol's figures and charts come up.
        await page.getByRole('img', { name: new RegExp(`^Cumulative return of .*${symbol}`) }).waitFor()
        await page.getByRole('img', { name: new RegExp(`^Drawdown of .*${symbol}`) }).waitFor()
        await page.getByRole('group', { name: `${symbol} metrics` }).or(page.getByLabel(`${symbol} metrics`)).first().waitFor()
      }
      await settle()
      await shot(name)
      await axe(name)
    })
  }

  await test('dark theme: every page passes axe', async () => {
    await page.goto('/')
    await page.getByRole('button', { name: /Switch to dark theme/ }).click()
    for (const [name, path, heading] of pages) {
      await page.goto(path)
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor()
      expect(await page.evaluate(() => document.documentElement.classList.contains('dark')), `${name} opens in the dark theme the user chose`)
      await settle()
      await shot(`${name}-dark`)
      await axe(`${name} (dark)`)
    }
    await page.getByRole('button', { name: /Switch to light theme/ }).click()
  })

  await test('phone width (390 px): no horizontal page scroll', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    // The widest elements that stick out past the viewport, innermost first: what to fix when a page scrolls sideways.
    const overflowing = () => page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
      .slice(0, 3).map((e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent ?? '').trim().slice(0, 40)}`).join('; '))
    const check = async (name) => {
      await settle()
      // Charts follow their boxes a frame late: give the layout a moment to come to rest before measuring it.
      await page.waitForFunction(() => document.documentElement.scrollWidth - document.documentElement.clientWidth <= 1, null, { timeout: 3_000 }).catch(() => undefined)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      await shot(name)
      expect(overflow <= 1, `${name} scrolls sideways by ${overflow}px: ${overflow > 1 ? await overflowing() : ''}`)
    }
    for (const [name, path] of [['dashboard-phone', '/'], ['scheduler-phone', '/scheduler?tab=new'], ['asset-phone', `/assets/${encodeURIComponent(symbol)}`], ['portfolio-phone', '/portfolio'], ['trading-phone', '/trading'], ['quality-phone', '/quality']]) {
      await page.goto(path)
      await check(name)
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  await test('keyboard: skip link and tabs work without a mouse', async () => {
    await page.goto('/scheduler')
    await page.getByRole('heading', { name: 'Scheduler', level: 1 }).waitFor()
    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => document.activeElement?.textContent)
    expect(/Skip to content/.test(first ?? ''), `first Tab reaches the skip link, not ${first}`)
    await page.keyboard.press('Enter')
    expect((await page.evaluate(() => document.activeElement?.id)) === 'main', 'the skip link moves focus to the main content')
    await page.getByRole('tab', { name: 'Jobs' }).focus()
    await page.keyboard.press('ArrowRight')
    // The tab re-renders after the key press; wait for it rather than read it at once.
    const selected = await page.getByRole('tab', { name: 'New job', selected: true })
      .waitFor({ timeout: 5_000 }).then(() => true, () => false)
    expect(selected, 'ArrowRight selects the next tab')
  })

  await test('live connection: loss is shown and recovers when the server returns', async () => {
    await page.goto('/')
    await page.waitForSelector('[data-testid="hub-status"][data-state="connected"]')
    // The server dies without a goodbye, as in a crash; the page must say so and recover once it is back.
    await host.crash()
    await page.waitForFunction(() => document.querySelector('[data-testid="hub-status"]')?.getAttribute('data-state') !== 'connected', null, { timeout: 30_000 })
    await page.waitForTimeout(1500)
    const lost = await hubState()
    console.log(`      while the server is down the badge says: ${lost}`)
    expect(lost === 'reconnecting' || lost === 'disconnected', `badge shows '${lost}' while the server is down`)
    await shot('hub-lost', false)
    await host.start()
    await page.waitForSelector('[data-testid="hub-status"][data-state="connected"]', { timeout: 60_000 })
  })

  await test('a fresh install prints a setup link once, and following it reaches the dashboard', async () => {
    const fresh = await startHost({ logDir: out, bootstrap: false, name: 'fresh-host' })
    try {
      let link = null
      for (let i = 0; i < 40 && !link; i++) {
        link = /http:\/\/\S+\/setup\?token=\S+/.exec(fresh.log())?.[0] ?? null
        if (!link) await page.waitForTimeout(250)
      }
      expect(link, 'the host printed no setup link')
      expect(fresh.log().split('/setup?token=').length === 2, 'the setup link was printed more than once')
      await page.goto(link)
      await page.getByRole('heading', { name: 'Set up InvestmentPlatform', level: 1 }).waitFor()
      await settle()
      await shot('setup')
      await axe('setup')
      const form = page.getByRole('form', { name: 'Set up InvestmentPlatform' })
      await form.getByLabel('Password', { exact: true }).fill('Owner-pass-123')
      await form.getByLabel('Repeat password').fill('Owner-pass-123')
      await form.getByRole('button', { name: 'Create admin' }).click()
      await page.getByRole('heading', { name: 'Market overview' }).waitFor()
      await page.locator('[data-testid="current-user"][data-role="admin"]').waitFor()
      await shot('setup-done')
      // The link works once.
      const again = await fetch(`${fresh.url}/api/auth/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ token: new URL(link).searchParams.get('token'), username: 'second', password: 'Owner-pass-123' }) })
      expect(again.status === 403, `the setup link worked twice: ${again.status}`)
    } finally {
      await fresh.stop()
      rmSync(fresh.dataDir, { recursive: true, force: true })
    }
  })

  await test('no uncaught errors in the page', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join('\n'))
  })
} finally {
  await context.close().catch(() => undefined)
  await host.stop().catch(() => undefined)
  rmSync(profile, { recursive: true, force: true })
  rmSync(host.dataDir, { recursive: true, force: true })
}

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`\n Tests  ${passed} passed | ${failed} failed (${results.length})`)
console.log(`Screenshots in ${shots}`)
process.exit(failed ? 1 : 0)
