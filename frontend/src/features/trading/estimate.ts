import type { PaperAccountDto } from '../../api/schemas'

export type TicketValues = { symbol: string; side: string; type: string; quantity: string; limitPrice: string; stopPrice: string; timeInForce: string }

/**
 * What an order would cost, as the server's pre-trade check prices it: at the limit (limit, stop-limit), the stop
 * (stop) or the latest close (market), slippage against the trader on market-priced orders, and the account's fees
 * (per unit + percent of notional, at least the minimum). Null until there is a quantity and a price.
 */
export function estimate(v: TicketValues, a: Pick<PaperAccountDto, 'feePerUnit' | 'feePercent' | 'feeMinimum' | 'slippageBps'>, lastClose: number | null | undefined) {
  const quantity = Number(v.quantity)
  const buy = v.side === 'buy'
  const slip = 1 + ((buy ? 1 : -1) * a.slippageBps) / 10_000
  const price = v.type === 'limit' || v.type === 'stop_limit' ? Number(v.limitPrice)
    : v.type === 'stop' ? Number(v.stopPrice) * slip
    : lastClose != null ? lastClose * slip : NaN
  if (!(quantity > 0) || !(price > 0)) return null
  const notional = quantity * price
  const fee = Math.max(a.feePerUnit * quantity + (a.feePercent / 100) * notional, a.feeMinimum)
  return { price, notional, fee, total: buy ? notional + fee : notional - fee }
}

/** The checks the ticket makes before sending; the server checks again and has the last word. */
export function validateTicket(v: TicketValues): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!v.symbol.trim()) errors.symbol = 'Enter a symbol.'
  if (!(Number(v.quantity) > 0)) errors.quantity = 'Quantity must be a positive number.'
  if ((v.type === 'limit' || v.type === 'stop_limit') && !(Number(v.limitPrice) > 0)) errors.limitprice = 'Enter a positive limit price.'
  if ((v.type === 'stop' || v.type === 'stop_limit') && !(Number(v.stopPrice) > 0)) errors.stopprice = 'Enter a positive stop price.'
  return errors
}
