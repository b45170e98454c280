import type { AssetDto, AssetInput } from '../../api/schemas'

/** `metadata` is one `key=value` per line. */
export type AssetFormValues = { symbol: string; name: string; assetType: string; currency: string; exchange: string; source: string; metadata: string }
export const emptyAsset: AssetFormValues = { symbol: '', name: '', assetType: 'stock', currency: 'USD', exchange: '', source: 'synthetic', metadata: '' }

const metadataLines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean)

/** The form filled from a stored asset, for editing it. */
export function fromAsset(a: AssetDto): AssetFormValues {
  return {
    symbol: a.symbol, name: a.name ?? '', assetType: a.assetType, currency: a.currency ?? '', exchange: a.exchange ?? '', source: a.source,
    metadata: Object.entries(a.metadata ?? {}).map(([k, v]) => `${k}=${v}`).join('\n'),
  }
}

/** Checks done before sending; the server checks again and its field errors are shown the same way. */
export function validateAsset(v: AssetFormValues): Record<string, string> {
  const e: Record<string, string> = {}
  const symbol = v.symbol.trim()
  if (!symbol) e.symbol = 'Enter a symbol.'
  else if (symbol.length > 32) e.symbol = 'A symbol has at most 32 characters.'
  else if (/\s/.test(symbol)) e.symbol = 'A symbol has no spaces.'
  if (!v.assetType) e.assettype = 'Choose an asset type.'
  if (!v.source) e.source = 'Choose a source.'
  if (v.currency && !/^[A-Za-z]{3}$/.test(v.currency.trim())) e.currency = 'Use a three-letter currency code such as USD.'
  const bad = metadataLines(v.metadata).find((l) => !/^[^=]+=/.test(l))
  if (bad) e.metadata = `Each line is key=value; "${bad}" is not.`
  return e
}

export function toAssetInput(v: AssetFormValues): AssetInput {
  return {
    symbol: v.symbol.trim().toUpperCase(),
    name: v.name.trim() || undefined,
    assetType: v.assetType,
    currency: v.currency.trim().toUpperCase() || undefined,
    exchange: v.exchange.trim() || undefined,
    source: v.source,
    metadata: Object.fromEntries(metadataLines(v.metadata).map((l) => [l.slice(0, l.indexOf('=')).trim(), l.slice(l.indexOf('=') + 1).trim()])),
  }
}
