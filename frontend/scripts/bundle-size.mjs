// Sums the gzip size of the JavaScript a first visit loads: the entry chunk and every chunk it imports statically
// (Vite preloads those), read from the build manifest. Fails the build above the budget.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join, resolve } from 'node:path'

const out = resolve(import.meta.dirname, '../../src/InvestmentPlatform.Host/wwwroot')
const budgetKb = Number(process.env.BUNDLE_BUDGET_KB ?? 300)
const manifest = JSON.parse(readFileSync(join(out, '.vite/manifest.json'), 'utf8'))

const seen = new Set()
const visit = (key) => {
  if (seen.has(key)) return
  seen.add(key)
  for (const dep of manifest[key].imports ?? []) visit(dep)
}
for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)

let total = 0
const rows = []
for (const key of seen) {
  const file = manifest[key].file
  if (!file.endsWith('.js')) continue
  const gz = gzipSync(readFileSync(join(out, file)), { level: 9 }).length
  total += gz
  rows.push(`  ${file}  ${(gz / 1024).toFixed(1)} KB`)
}
console.log(rows.join('\n'))
const kb = total / 1024
console.log(`Initial JS: ${kb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`)
if (kb > budgetKb) {
  console.error(`Initial JS is over the ${budgetKb} KB budget.`)
  process.exit(1)
}
