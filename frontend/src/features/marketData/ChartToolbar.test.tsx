import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { ChartToolbar } from './ChartToolbar'
import type { RangePreset } from './chartRange'
import type { OverlayId } from './overlays'

function Harness() {
  const [range, setRange] = useState<RangePreset>('All')
  const [log, setLog] = useState(false)
  const [shown, setShown] = useState<OverlayId[]>([])
  return (
    <>
      <ChartToolbar range={range} onRange={setRange} logScale={log} onLogScale={setLog} shown={shown}
        onToggle={(id) => setShown((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]))} />
      <output data-testid="state">{`${range} ${log} ${shown.join(',')}`}</output>
    </>
  )
}

describe('ChartToolbar', () => {
  it('offers the range presets as buttons in order, the chosen one pressed', async () => {
    render(<Harness />)
    const group = screen.getByRole('group', { name: 'Chart range' })
    const buttons = within(group).getAllByRole('button')
    expect(buttons.map((b) => b.textContent)).toEqual(['1D', '5D', '1M', '3M', 'YTD', '1Y', 'All'])
    expect(buttons.filter((b) => b.getAttribute('aria-pressed') === 'true').map((b) => b.textContent)).toEqual(['All'])

    await userEvent.setup().click(within(group).getByRole('button', { name: '1Y' }))
    expect(within(group).getByRole('button', { name: '1Y' })).toHaveAttribute('aria-pressed', 'true')
    expect(within(group).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'false')
  })

  it('works from the keyboard: Tab to a preset, Enter or Space chooses it', async () => {
    render(<Harness />)
    const user = userEvent.setup()
    await user.tab()
    expect(screen.getByRole('button', { name: '1D' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.getByTestId('state')).toHaveTextContent('1D false')
    await user.tab()
    await user.tab()
    await user.keyboard(' ')
    expect(screen.getByRole('button', { name: '1M' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('switches the log scale and each overlay by its label', async () => {
    render(<Harness />)
    const user = userEvent.setup()
    await user.click(screen.getByLabelText('Log scale'))
    await user.click(screen.getByLabelText('SMA 20'))
    await user.click(screen.getByLabelText('Bollinger 20, 2σ'))
    expect(screen.getByTestId('state')).toHaveTextContent('All true sma20,bb20')
    await user.click(screen.getByLabelText('SMA 20'))
    expect(screen.getByTestId('state')).toHaveTextContent('All true bb20')
  })
})
