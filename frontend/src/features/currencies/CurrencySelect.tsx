import { Select } from '../../components/Form'

/** Currencies offered for reading prices in; the server converts at stored rates and refuses (422) without one. */
const displayCurrencies = ['USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CAD', 'AUD'] as const

/**
 * Chooses the currency a chart or report is read in: '' keeps the asset's own (shown as "as quoted"), any other code
 * asks the server to convert with `currency=`.
 */
export function CurrencySelect({ value, onChange, quoted, id = 'currency' }: {
  value: string
  onChange: (currency: string) => void
  quoted?: string | null
  id?: string
}) {
  return (
    <span className="flex items-center gap-1 text-xs">
      <label htmlFor={id} className="text-slate-700 dark:text-slate-300">Currency</label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="!w-auto !py-0.5 text-xs">
        <option value="">{quoted ? `${quoted} (as quoted)` : 'as quoted'}</option>
        {displayCurrencies.filter((c) => c !== quoted).map((c) => (
          <option key={c} value={c}>{c}</option>
        ))}
      </Select>
    </span>
  )
}
