import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { charts, markers, type FakeSeries } from '../test/fakeChart'
import { renderWithProviders } from '../test/utils'
import { PriceChart, type Candle } from './PriceChart'

vi.mock('lightweight-charts', () => import('../test/fakeChart'))

const candles: Candle[] = [
  { time: '2024-01-02T00:00:00Z', open: 150_000, high: 161_000, low: 149_500, close: 160_000, volume: 1_200 },
  { time: '2024-01-03T00:00:00Z', open: 160_000, high: 160_500, low: 155_000, close: 156_000, volume: 3_400_000 },
]
const seconds = (iso: string) => Date.parse(iso) / 1000
const chart = () => charts[charts.length - 1]
const candleSeries = () => chart().series.find((s) => s.kind === 'Candlestick') as FakeSeries

describe('PriceChart', () => {
  beforeEach(() => {
    charts.length = 0
    markers.length = 0
  })

  it('shows the newest bar in the legend, follows the crosshair, and goes back to the newest when the pointer leaves', async () => {
    renderWithProviders(<PriceChart candles={candles} label="Test chart" />)
    const legend = await screen.findByTestId('chart-legend')
    expect(legend).toHaveTextContent('2024-01-03 00:00')
    expect(legend).toHaveTextContent('C 156,000.00')
    expect(legend).toHaveTextContent('V 3,400,000')
    expect(legend).toHaveTextContent('-2.50%') // 156,000 against the previous close of 160,000

    act(() => chart().hover(seconds(candles[0].time)))
    for (const part of ['2024-01-02 00:00', 'O 150,000.00', 'H 161,000.00', 'L 149,500.00', 'C 160,000.00', 'V 1,200']) {
      expect(screen.getByTestId('chart-legend')).toHaveTextContent(part)
    }
    expect(screen.getByTestId('chart-legend')).not.toHaveTextContent('%')

    act(() => chart().hover(undefined))
    expect(screen.getByTestId('chart-legend')).toHaveAttribute('data-time', candles[1].time)
  })

  it('formats the price axis at the asset precision with thousands separators', async () => {
    renderWithProviders(<PriceChart candles={candles} precision={2} label="Test chart" />)
    await screen.findByTestId('chart-legend')
    const format = candleSeries().options.priceFormat as { formatter: (p: number) => string; minMove: number }
    expect(format.formatter(160000)).toBe('160,000.00')
    expect(format.minMove).toBe(0.01)
  })

  it('switches the price axis to a log scale', async () => {
    function Switchable() {
      const [log, setLog] = useState(false)
      return (
        <>
          <button type="button" onClick={() => setLog(true)}>log</button>
          <PriceChart candles={candles} logScale={log} label="Test chart" />
        </>
      )
    }
    renderWithProviders(<Switchable />)
    await screen.findByTestId('chart-legend')
    expect(chart().scales.right.mode).toBe(0)
    await userEvent.setup().click(screen.getByRole('button', { name: 'log' }))
    expect(chart().scales.right.mode).toBe(1)
  })

  it('asks for older bars when the user scrolls to the oldest loaded bar, not before', async () => {
    const onNeedOlder = vi.fn()
    renderWithProviders(<PriceChart candles={candles} onNeedOlder={onNeedOlder} label="Test chart" />)
    await screen.findByTestId('chart-legend')
    act(() => chart().scrollTo(40))
    expect(onNeedOlder).not.toHaveBeenCalled()
    act(() => chart().scrollTo(2))
    expect(onNeedOlder).toHaveBeenCalledTimes(1)
  })

  it('marks dividends and splits on their bars and names them in the legend', async () => {
    const events = [{ time: candles[0].time, kind: 'split' as const, label: 'Split 4:1' }]
    renderWithProviders(<PriceChart candles={candles} events={events} label="Test chart" />)
    await screen.findByTestId('chart-legend')
    expect(markers[0].markers).toEqual([expect.objectContaining({ time: seconds(candles[0].time), text: 'S' })])
    expect(screen.getByTestId('chart-legend')).not.toHaveTextContent('Split')
    act(() => chart().hover(seconds(candles[0].time)))
    expect(screen.getByTestId('chart-legend')).toHaveTextContent('Split 4:1')
  })

  it('flags bars with markers whose shape follows their tone, in time order with the dividends and splits, and names them in the legend', async () => {
    const events = [{ time: candles[1].time, kind: 'dividend' as const, label: 'Dividend 0.24' }]
    const flags = [
      { time: candles[1].time, text: 'gap', label: 'Gap, open', tone: 'warning' as const },
      { time: candles[0].time, text: 'outlier', label: 'Outlier, open', tone: 'error' as const },
    ]
    renderWithProviders(<PriceChart candles={candles} events={events} markers={flags} label="Test chart" />)
    await screen.findByTestId('chart-legend')
    expect(markers[0].markers).toEqual([
      expect.objectContaining({ time: seconds(candles[0].time), text: 'outlier', shape: 'arrowDown', position: 'aboveBar' }),
      expect.objectContaining({ time: seconds(candles[1].time), text: 'D' }),
      expect.objectContaining({ time: seconds(candles[1].time), text: 'gap', shape: 'circle' }),
    ])
    expect(screen.getByTestId('chart-legend')).toHaveTextContent('Dividend 0.24')
    expect(screen.getByTestId('chart-legend')).toHaveTextContent('Gap, open')
    act(() => chart().hover(seconds(candles[0].time)))
    expect(screen.getByTestId('chart-legend')).toHaveTextContent('Outlier, open')
    expect(screen.getByTestId('chart-legend')).not.toHaveTextContent('Gap')
  })
})
