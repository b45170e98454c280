import { describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/react'
import { CorrelationHeatmap, cellColor } from './CorrelationHeatmap'

describe('CorrelationHeatmap', () => {
  it('prints every coefficient in a labelled table', () => {
    render(<CorrelationHeatmap m={{ symbols: ['A', 'B'], observations: 250, matrix: [[1, -0.5], [-0.5, 1]] }} />)
    const rowB = screen.getByRole('rowheader', { name: 'B' }).closest('tr')!
    expect(within(rowB).getByText('-0.50')).toBeInTheDocument()
    expect(screen.getAllByText('1.00')).toHaveLength(2)
  })

  it('colours positive blue and negative red, stronger with size, white text on dark cells', () => {
    expect(cellColor(1)).toEqual({ background: 'rgba(3,105,161,1.00)', color: '#fff' })
    expect(cellColor(-0.2).background).toBe('rgba(190,18,60,0.28)')
    expect(cellColor(-0.2).color).toBe('inherit')
    expect(cellColor(null).background).toBe('transparent')
  })
})
