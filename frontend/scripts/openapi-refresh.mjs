// Saves the live OpenAPI document of a running host to openapi/openapi.json, then regenerates the types.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const url = process.env.OPENAPI_URL ?? 'http://127.0.0.1:8080/docs/v1/openapi.json'
// The document needs a credential: an API key (IP_API_KEY) or an access token (IP_ACCESS_TOKEN).
const headers = process.env.IP_API_KEY ? { 'X-Api-Key': process.env.IP_API_KEY }
  : process.env.IP_ACCESS_TOKEN ? { Authorization: `Bearer ${process.env.IP_ACCESS_TOKEN}` } : {}
const res = await fetch(url, { headers })
if (!res.ok) {
  console.error(`GET ${url} answered ${res.status}`)
  process.exit(1)
}
const doc = await res.json()
writeFileSync(resolve(import.meta.dirname, '../openapi/openapi.json'), JSON.stringify(doc, null, 2) + '\n')
console.log(`Saved ${url}`)
await import('./openapi-types.mjs')
