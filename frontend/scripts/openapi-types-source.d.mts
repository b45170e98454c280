/** The TypeScript source of src/api/openapi.gen.ts for a parsed OpenAPI document. */
export function typesSource(doc: unknown): string
