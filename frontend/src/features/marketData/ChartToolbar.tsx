import { PressedButtons } from '../../components/chart/PressedButtons'
import { ranges, type RangePreset } from './chartRange'
import { overlays, type OverlayId } from './overlays'
import type { ReactNode } from 'react'

type Props = {
  range: RangePreset
  onRange: (range: RangePreset) => void
  logScale: boolean
  onLogScale: (on: boolean) => void
  shown: OverlayId[]
  onToggle: (id: OverlayId) => void
  /** The export control, placed at the end of the row. */
  children?: ReactNode
}

/** Range presets, the log-scale switch and the overlay switches above a symbol's chart. */
export function ChartToolbar({ range, onRange, logScale, onLogScale, shown, onToggle, children }: Props) {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
      <PressedButtons label="Chart range" options={ranges} value={range} onChange={onRange} />
      <label className="flex items-center gap-1">
        <input type="checkbox" checked={logScale} onChange={(e) => onLogScale(e.target.checked)} /> Log scale
      </label>
      {overlays.map((o) => (
        <label key={o.id} className="flex items-center gap-1">
          <input type="checkbox" checked={shown.includes(o.id)} onChange={() => onToggle(o.id)} />
          <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ background: o.color }} /> {o.label}
        </label>
      ))}
      {children}
    </div>
  )
}
