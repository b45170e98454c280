import { describe, expect, it } from 'vitest'
import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Tabs } from './Tabs'

function Harness() {
  const [tab, setTab] = useState('a')
  return (
    <Tabs label="Sections" current={tab} onChange={setTab} tabs={[{ id: 'a', label: 'First' }, { id: 'b', label: 'Second' }, { id: 'c', label: 'Third' }]}>
      <p>panel {tab}</p>
    </Tabs>
  )
}

describe('Tabs', () => {
  it('moves with the arrow keys, Home and End, and wraps around', async () => {
    render(<Harness />)
    screen.getByRole('tab', { name: 'First' }).focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Second' })).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tab', { name: 'Second' })).toHaveFocus()
    expect(screen.getByRole('tabpanel')).toHaveTextContent('panel b')
    await userEvent.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'First' })).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowLeft}')
    expect(screen.getByRole('tab', { name: 'Third' })).toHaveFocus()
  })
})
