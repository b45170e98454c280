// Turns the saved OpenAPI document (openapi/openapi.json) into TypeScript types (src/api/openapi.gen.ts).
// `npm run openapi:refresh` saves a fresh copy from a running host first (OPENAPI_URL, default localhost:8080).
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { typesSource } from './openapi-types-source.mjs'

const root = resolve(import.meta.dirname, '..')
const doc = JSON.parse(readFileSync(resolve(root, 'openapi/openapi.json'), 'utf8'))
writeFileSync(resolve(root, 'src/api/openapi.gen.ts'), typesSource(doc))
console.log(`Wrote src/api/openapi.gen.ts: ${Object.keys(doc.components?.schemas ?? {}).length} schemas, ${Object.keys(doc.paths ?? {}).length} paths`)
