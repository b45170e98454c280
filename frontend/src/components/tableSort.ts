// A table's sort is one string the server understands: `field` ascending, `-field` descending.

/** `symbol` → `-symbol` → `symbol`; a new field starts ascending. */
export function nextSort(current: string, field: string): string {
  if (current === field) return `-${field}`
  return field
}

export function sortDirection(current: string, field: string): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending'
  if (current === `-${field}`) return 'descending'
  return 'none'
}
