// Saves the live OpenAPI document of a running host to openapi/openapi.json, then regenerates the types.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const url = process.env.OPENAPI_URL ?? 'http://127.0.0.1:8080/docs/v1/openapi.json'
const res = await fetch(url)
if (!res.ok) {
  console.error(`GET ${url} answered ${res.status}`)
  process.exit(1)
}
const doc = await res.json()
writeFileSync(resolve(import.meta.dirname, '../openapi/openapi.json'), JSON.stringify(doc, null, 2) + '\n')
console.log(`Saved ${url}`)
await import('./openapi-types.mjs')
