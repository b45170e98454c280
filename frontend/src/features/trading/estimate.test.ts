import { describe, expect, it } from 'vitest'
import { estimate, validateTicket, type TicketValues } from './estimate'

const account = { feePerUnit: 0.01, feePercent: 0.1, feeMinimum: 5, slippageBps: 20 }
const ticket: TicketValues = { symbol: 'AAPL', side: 'buy', type: 'limit', quantity: '100', limitPrice: '50', stopPrice: '', timeInForce: 'day' }

describe('the order ticket estimate', () => {
  it('prices a limit order at its limit with the minimum fee', () => {
    // 100 × 50 = 5,000; 0.01 × 100 + 0.1 % × 5,000 = 6 (above the minimum 5)
    expect(estimate(ticket, account, 48)).toEqual({ price: 50, notional: 5000, fee: 6, total: 5006 })
    // 10 × 50 = 500: 0.1 + 0.5 = 0.6, so the minimum 5 applies
    expect(estimate({ ...ticket, quantity: '10' }, account, 48)?.fee).toBe(5)
  })

  it('prices a market order at the latest close with slippage against the trader', () => {
    // 100 × 48 × 1.002 = 4,809.6
    expect(estimate({ ...ticket, type: 'market' }, account, 48)?.notional).toBeCloseTo(4809.6, 9)
    expect(estimate({ ...ticket, type: 'market', side: 'sell' }, account, 48)?.price).toBeCloseTo(47.904, 9)
    expect(estimate({ ...ticket, type: 'market' }, account, null)).toBeNull()
  })

  it('asks for the prices each order type needs', () => {
    expect(validateTicket({ ...ticket, type: 'stop_limit', stopPrice: '' })).toEqual({ stopprice: 'Enter a positive stop price.' })
    expect(validateTicket({ ...ticket, quantity: '0' })).toHaveProperty('quantity')
    expect(validateTicket(ticket)).toEqual({})
  })
})
