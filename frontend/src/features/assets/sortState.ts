export type SortField = 'symbol' | 'name' | 'assetType' | 'updatedAt'

/** `symbol` → `-symbol` → `symbol`; a new field starts ascending. */
export function nextSort(current: string, field: SortField): string {
  if (current === field) return `-${field}`
  return field
}

export function sortDirection(current: string, field: SortField): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending'
  if (current === `-${field}`) return 'descending'
  return 'none'
}
