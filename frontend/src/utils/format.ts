export function fmtNumber(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  const abs = Math.abs(v)
  const d = abs !== 0 && abs < 1 ? Math.max(digits, 4) : digits
  return v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
}

export function fmtInt(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return Math.round(v).toLocaleString('en-US')
}

export function fmtPercent(v: number | null | undefined, digits = 2, signed = false): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  const s = (v * 100).toFixed(digits) + '%'
  return signed && v > 0 ? '+' + s : s
}

/** Change in percent units (the API's changePercent is already ×100). */
export function fmtChangePercent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return (v > 0 ? '+' : '') + v.toFixed(2) + '%'
}

export function fmtTime(v: string | null | undefined): string {
  if (!v) return '—'
  const d = new Date(v)
  if (Number.isNaN(d.getTime())) return v
  return d.toISOString().replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC')
}

export function fmtDate(v: string | null | undefined): string {
  if (!v) return '—'
  return v.slice(0, 10)
}

export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`
}

/** Statuses arrive as snake_case or PascalCase depending on the serializer; compare them in one form. */
export function normStatus(s: string | null | undefined): string {
  if (!s) return ''
  return s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
}

export function label(s: string | null | undefined): string {
  const n = normStatus(s)
  return n ? n.replace(/_/g, ' ') : '—'
}

export function isoDaysAgo(days: number, from = new Date()): string {
  const d = new Date(from.getTime() - days * 86_400_000)
  return d.toISOString().slice(0, 10)
}

export function toUtcIso(date: string): string {
  return date.length === 10 ? `${date}T00:00:00Z` : new Date(date).toISOString()
}

/**
 * Decimals a price is quoted in: what its provider said (`priceDecimals` on bars) when it said, otherwise pips for FX
 * (three for yen-like levels), by level for crypto, cents elsewhere.
 */
export function priceDecimals(
  assetType: string | null | undefined,
  level: number | null | undefined,
  quoted?: number | null,
): number {
  if (quoted !== null && quoted !== undefined && quoted >= 0 && quoted <= 10) return quoted
  const p = Math.abs(level ?? 0)
  switch (assetType) {
    case 'forex':
      return p >= 20 ? 3 : 5
    case 'crypto':
      return p >= 1000 ? 2 : p >= 1 ? 4 : 6
    case 'bond':
    case 'economic_indicator':
      return 3
    default:
      return 2
  }
}

/**
 * A price as it was quoted or entered, for tables that do not know the asset's type: at least two decimals, and every
 * decimal it has up to eight, so a 0.5602 limit reads 0.5602 and a 100 limit 100.00.
 */
export function fmtQuoted(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 })
}

/** A price with thousands separators at a fixed number of decimals: 160,000.00, 1.08345. */
export function fmtPrice(v: number | null | undefined, decimals: number): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—'
  return v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
}
