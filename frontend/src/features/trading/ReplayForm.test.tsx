import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { liveEvents } from '../../api/liveEvents'
import type { PaperAccountDto, ReplayDto } from '../../api/schemas'
import { charts } from '../../test/fakeChart'
import { mockApi, renderWithProviders } from '../../test/utils'
import { parseReplayOrders } from './replayOrders'
import { ReplayForm } from './ReplayForm'

vi.mock('lightweight-charts', () => import('../../test/fakeChart'))

afterEach(() => vi.unstubAllGlobals())

const account = {
  id: 'a1', name: 'Ideas', kind: 'paper', baseCurrency: 'USD', startingCash: 100_000, interval: '1d', allowShort: false, marginEnabled: false,
  leverage: 1, maxPositionPercent: 100, maxOrderNotional: null, feePerUnit: 0, feePercent: 0, feeMinimum: 0, slippageBps: 0, participationPercent: 10,
  createdAt: '2024-01-01T00:00:00Z',
} as PaperAccountDto

const queued: ReplayDto = {
  id: 'r1', accountId: 'a1', status: 'queued', from: '2024-01-02T00:00:00Z', to: '2024-01-12T23:59:59Z', orders: 2, done: 0, total: 0, error: null,
  createdAt: '2024-01-13T00:00:00Z', completedAt: null, result: null as unknown as ReplayDto['result'],
}
const succeeded: ReplayDto = {
  ...queued, status: 'succeeded', done: 3, total: 3, completedAt: '2024-01-13T00:00:01Z',
  result: {
    startingCash: 100_000, finalEquity: 100_400, finalCash: 100_400, returnPercent: 0.4, fillCount: 2, feesPaid: 0,
    orders: [
      { index: 0, clientOrderId: null, symbol: 'RPLY', status: 'filled', quantity: 100, filledQuantity: 100, averageFillPrice: 100, feesPaid: 0, rejectCheck: null, reason: null },
      { index: 1, clientOrderId: null, symbol: 'RPLY', status: 'rejected', quantity: 5, filledQuantity: 0, averageFillPrice: null, feesPaid: 0, rejectCheck: 'short_selling', reason: 'Selling 5 RPLY but only 0 is held.' },
    ],
    fills: [],
    equityCurve: [
      { time: '2024-01-10T00:00:00Z', equity: 100_000, cash: 100_000 },
      { time: '2024-01-11T00:00:00Z', equity: 100_200, cash: 90_000 },
      { time: '2024-01-12T00:00:00Z', equity: 100_400, cash: 100_400 },
    ],
  },
}

async function fill(user: ReturnType<typeof userEvent.setup>, orders: string) {
  await user.type(screen.getByLabelText('From'), '2024-01-02')
  await user.type(screen.getByLabelText('To'), '2024-01-12')
  await user.type(screen.getByLabelText('Orders'), orders)
  await user.click(screen.getByRole('button', { name: 'Run replay' }))
}

describe('the replay form', () => {
  it('reads one order a line and says which line is wrong', () => {
    const { orders, errors } = parseReplayOrders('at,symbol,side,type,quantity\n2024-01-05T15:00:00Z,rply,BUY,market,100\n\n# a note\n2024-01-09T15:00:00Z,RPLY,sell,limit,100,104,,day\n2024-01-09T15:00:00Z,RPLY,hold,limit,1,1')
    expect(orders).toEqual([
      { at: '2024-01-05T15:00:00.000Z', symbol: 'RPLY', side: 'buy', type: 'market', quantity: 100, limitPrice: null, stopPrice: null, timeInForce: null },
      { at: '2024-01-09T15:00:00.000Z', symbol: 'RPLY', side: 'sell', type: 'limit', quantity: 100, limitPrice: 104, stopPrice: null, timeInForce: 'day' },
    ])
    expect(errors).toEqual(['Line 6: side must be buy or sell.'])
    expect(parseReplayOrders('2024-01-05,RPLY,buy,stop,1').errors).toEqual(['Line 1: a stop order needs a positive stop price.'])
    expect(parseReplayOrders('').errors).toEqual(['Enter at least one order.'])
  })

  it('sends nothing while a line is wrong', async () => {
    const { calls } = mockApi([])
    const user = userEvent.setup()
    renderWithProviders(<ReplayForm account={account} />)
    await fill(user, '2024-01-05T15:00:00Z,RPLY,buy,limit,10')
    expect(screen.getByText('Line 1: a limit order needs a positive limit price.')).toBeInTheDocument()
    expect(screen.getByLabelText('Orders')).toHaveAttribute('aria-invalid', 'true')
    expect(calls).toHaveLength(0)
  })

  it("names the order the server refused by the form's numbering", async () => {
    mockApi([['POST', /\/replay$/, () => ({ status: 400, body: { title: 'Invalid', status: 400, errors: { 'orders[1].symbol': ['symbol is required.'] } } })]])
    const user = userEvent.setup()
    renderWithProviders(<ReplayForm account={account} />)
    await fill(user, '2024-01-05T15:00:00Z,RPLY,buy,market,10\n2024-01-06T15:00:00Z,RPLY,sell,market,10')
    expect(await screen.findByText('Order 2: symbol is required.')).toBeInTheDocument()
  })

  it('runs the replay, follows its progress live and draws its equity curve, passing axe', async () => {
    let answer: ReplayDto = queued
    const { calls } = mockApi([
      ['POST', /\/api\/paper\/accounts\/a1\/replay$/, () => ({ status: 202, body: queued })],
      ['GET', /\/api\/paper\/accounts\/a1\/replays\/r1$/, () => ({ body: answer })],
    ])
    const user = userEvent.setup()
    const { container } = renderWithProviders(<ReplayForm account={account} />)
    await fill(user, '2024-01-05T15:00:00Z,RPLY,buy,market,100\n2024-01-09T15:00:00Z,RPLY,sell,limit,5,104')

    expect(calls[0].body).toEqual({
      from: '2024-01-02T00:00:00Z', to: '2024-01-12T23:59:59Z',
      orders: [
        { at: '2024-01-05T15:00:00.000Z', symbol: 'RPLY', side: 'buy', type: 'market', quantity: 100, limitPrice: null, stopPrice: null, timeInForce: null },
        { at: '2024-01-09T15:00:00.000Z', symbol: 'RPLY', side: 'sell', type: 'limit', quantity: 5, limitPrice: 104, stopPrice: null, timeInForce: null },
      ],
    })
    expect(await screen.findByText(/Replay of 2 orders from 2024-01-02 to 2024-01-12: queued/)).toBeInTheDocument()

    act(() => liveEvents.emit('replay_progress', { replayId: 'r1', accountId: 'a1', status: 'running', done: 2, total: 3, fills: 1, error: null, timestamp: '' }))
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Replay progress' })).toHaveAttribute('aria-valuenow', '2'))
    expect(screen.getByText(/: running\./)).toBeInTheDocument()

    answer = succeeded
    act(() => liveEvents.emit('replay_progress', { replayId: 'r1', accountId: 'a1', status: 'succeeded', done: 3, total: 3, fills: 2, error: null, timestamp: '' }))
    expect(await screen.findByText('100,400.00 USD')).toBeInTheDocument()
    expect(screen.getByText(/Order 2 \(RPLY\): Selling 5 RPLY/)).toBeInTheDocument()
    expect(screen.getByLabelText(/Replay equity curve: 3 points, from 100,000.00 to 100,400.00 USD/)).toBeInTheDocument()
    const line = charts.at(-1)!.series.find((s) => s.kind === 'Line')!
    expect(line.data).toHaveLength(3)

    const audit = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
    expect(audit.violations.map((v) => v.id)).toEqual([])
  })
})
