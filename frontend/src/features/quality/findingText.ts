import { fmtTime } from '../../utils/format'
import type { Finding } from './qualityApi'

/** The check's name in prose: ohlc is an abbreviation, the others are words. */
export const kindName = (kind: string) => (kind === 'ohlc' ? 'OHLC' : kind)

/** A bar's time: the day alone for daily and longer bars (stored at 00:00 UTC), the minute for intraday ones. */
export function fmtBarTime(iso: string): string {
  const t = fmtTime(iso)
  return t.endsWith(' 00:00 UTC') ? t.slice(0, 10) : t
}

/** "outlier on 2024-01-05": which finding a button or a message is about. */
export const findingName = (f: Finding) => `${kindName(f.kind)} on ${fmtBarTime(f.barTime)}`
