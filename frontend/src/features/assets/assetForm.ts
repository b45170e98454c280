import type { AssetInput } from '../../api/schemas'

export type AssetFormValues = { symbol: string; name: string; assetType: string; currency: string; exchange: string; source: string }
export const emptyAsset: AssetFormValues = { symbol: '', name: '', assetType: 'stock', currency: 'USD', exchange: '', source: 'synthetic' }

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
  }
}
