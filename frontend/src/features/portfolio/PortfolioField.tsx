import { Field, Select } from '../../components/Form'
import { useListPortfoliosQuery } from './portfolioApi'

/** A choice among the user's portfolios, for forms that act on one (alert rules, reports). */
export function PortfolioField({ value, onChange, error, className }: { value: string; onChange: (id: string) => void; error?: string; className?: string }) {
  const portfolios = useListPortfoliosQuery()
  return (
    <Field label="Portfolio" error={error} className={className}>
      {(p) => (
        <Select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{portfolios.isLoading ? 'Loading portfolios…' : 'Choose a portfolio'}</option>
          {(portfolios.data ?? []).map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
        </Select>
      )}
    </Field>
  )
}
