import { act, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../../test/utils'
import { ConnectionStatus } from './ConnectionStatus'
import { hubStateChanged } from './liveSlice'

describe('ConnectionStatus', () => {
  it('shows loss and recovery of the hub connection', async () => {
    const { store } = renderWithProviders(<ConnectionStatus />)
    const status = await screen.findByTestId('hub-status')
    expect(status).toHaveTextContent('Connecting')
    act(() => void store.dispatch(hubStateChanged({ hub: 'connected' })))
    expect(status).toHaveTextContent('Live')
    act(() => void store.dispatch(hubStateChanged({ hub: 'reconnecting', error: 'lost' })))
    expect(status).toHaveTextContent('Reconnecting')
    expect(status).toHaveAttribute('data-state', 'reconnecting')
    act(() => void store.dispatch(hubStateChanged({ hub: 'connected' })))
    expect(status).toHaveTextContent('Live')
  })
})
