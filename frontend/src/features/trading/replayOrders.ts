import type { ReplayOrderInput } from '../../api/schemas'

/** The columns of one order line, in order; the last three may be left out. */
export const replayColumns = ['at', 'symbol', 'side', 'type', 'quantity', 'limitPrice', 'stopPrice', 'timeInForce'] as const

const types = ['market', 'limit', 'stop', 'stop_limit']

/**
 * Orders typed one a line as `at,symbol,side,type,quantity[,limitPrice][,stopPrice][,timeInForce]` (a header line,
 * blank lines and lines starting with # are skipped). The checks a reader can act on at once, with the line they are
 * on; the server checks again and has the last word.
 */
export function parseReplayOrders(text: string): { orders: ReplayOrderInput[]; errors: string[] } {
  const orders: ReplayOrderInput[] = []
  const errors: string[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#') || /^at\s*,/i.test(line)) return
    const cells = line.split(',').map((c) => c.trim())
    const [at, symbol, side, type, quantity, limitPrice, stopPrice, timeInForce] = cells
    const where = `Line ${i + 1}`
    const kind = (type ?? '').toLowerCase().replace('-', '_')
    const number = (s: string | undefined) => (s ? Number(s) : null)
    if (cells.length < 5) errors.push(`${where}: needs at least at, symbol, side, type and quantity.`)
    else if (Number.isNaN(Date.parse(at))) errors.push(`${where}: "${at}" is not a date and time (e.g. 2024-01-05T15:00:00Z).`)
    else if (!['buy', 'sell'].includes(side.toLowerCase())) errors.push(`${where}: side must be buy or sell.`)
    else if (!types.includes(kind)) errors.push(`${where}: type must be market, limit, stop or stop_limit.`)
    else if (!(Number(quantity) > 0)) errors.push(`${where}: quantity must be a positive number.`)
    else if ((kind === 'limit' || kind === 'stop_limit') && !(Number(limitPrice) > 0)) errors.push(`${where}: a ${kind} order needs a positive limit price.`)
    else if ((kind === 'stop' || kind === 'stop_limit') && !(Number(stopPrice) > 0)) errors.push(`${where}: a ${kind} order needs a positive stop price.`)
    else
      orders.push({
        at: new Date(at).toISOString(), symbol: symbol.toUpperCase(), side: side.toLowerCase(), type: kind, quantity: Number(quantity),
        limitPrice: kind === 'limit' || kind === 'stop_limit' ? number(limitPrice) : null,
        stopPrice: kind === 'stop' || kind === 'stop_limit' ? number(stopPrice) : null,
        timeInForce: timeInForce ? timeInForce.toLowerCase() : null,
      })
  })
  if (!orders.length && !errors.length) errors.push('Enter at least one order.')
  return { orders, errors }
}

/** The server's field errors about orders (`orders[3].side`), said the way the form numbers them (order 4). */
export function orderErrors(fields: Record<string, string>): string[] {
  return Object.entries(fields)
    .filter(([k]) => k.startsWith('orders'))
    .map(([k, m]) => {
      const n = /^orders\[(\d+)\]/.exec(k)
      return n ? `Order ${Number(n[1]) + 1}: ${m}` : m
    })
}
