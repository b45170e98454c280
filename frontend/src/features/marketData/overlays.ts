import type { Line } from '../../components/PriceChart'
import { bollinger, ema, sma } from '../../components/chart/indicators'

export const overlays = [
  { id: 'sma20', label: 'SMA 20', color: '#d97706' },
  { id: 'ema50', label: 'EMA 50', color: '#7c3aed' },
  { id: 'bb20', label: 'Bollinger 20, 2σ', color: '#0284c7' },
] as const
export type OverlayId = (typeof overlays)[number]['id']

const color = (id: OverlayId) => overlays.find((o) => o.id === id)!.color

/** The chosen overlays as line series over the loaded bars. */
export function overlayLines(bars: { time: string; close: number }[], shown: OverlayId[]): Line[] {
  const out: Line[] = []
  if (shown.includes('sma20')) out.push({ id: 'sma20', label: 'SMA 20', color: color('sma20'), points: sma(bars, 20) })
  if (shown.includes('ema50')) out.push({ id: 'ema50', label: 'EMA 50', color: color('ema50'), points: ema(bars, 50) })
  if (shown.includes('bb20')) {
    const { upper, lower } = bollinger(bars, 20, 2)
    out.push({ id: 'bb20u', label: 'BB upper', color: color('bb20'), points: upper }, { id: 'bb20l', label: 'BB lower', color: color('bb20'), points: lower })
  }
  return out
}
