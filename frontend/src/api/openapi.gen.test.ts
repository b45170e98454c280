import { describe, expect, it } from 'vitest'
import { typesSource } from '../../scripts/openapi-types-source.mjs'
import committedDocument from '../../openapi/openapi.json?raw'
import generated from './openapi.gen.ts?raw'

// The integration tests hold openapi/openapi.json to the document a running host serves; this holds the types to it.
describe('openapi.gen.ts', () => {
  it('is what the generator makes of the committed OpenAPI document', () => {
    expect(generated, 'openapi.gen.ts is stale: run `npm run openapi:types` (or `npm run openapi:refresh` against a running host)')
      .toBe(typesSource(JSON.parse(committedDocument)))
  })
})
