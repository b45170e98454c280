import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { PortfolioDto } from '../../api/schemas'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useCreatePortfolioMutation } from './portfolioApi'

export function CreatePortfolioForm({ onCreated }: { onCreated: (p: PortfolioDto) => void }) {
  const [name, setName] = useState('')
  const [baseCurrency, setBase] = useState('USD')
  const [method, setMethod] = useState('fifo')
  const [benchmark, setBenchmark] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, state] = useCreatePortfolioMutation()
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!name.trim()) found.name = 'Give the portfolio a name.'
    if (!/^[A-Za-z]{3}$/.test(baseCurrency.trim())) found.basecurrency = 'Three-letter code, e.g. USD.'
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      const p = await create({ name: name.trim(), baseCurrency: baseCurrency.trim().toUpperCase(), costBasisMethod: method, allowShort: false, benchmarkSymbol: benchmark.trim().toUpperCase() || null }).unwrap()
      setName('')
      onCreated(p)
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label="New portfolio" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <Field label="Portfolio name" error={err('name')}>
        {(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Base currency" error={err('basecurrency')}>
        {(p) => <Input {...p} value={baseCurrency} onChange={(e) => setBase(e.target.value)} maxLength={3} />}
      </Field>
      <Field label="Cost basis" error={err('costbasismethod')}>
        {(p) => (
          <Select {...p} value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="fifo">FIFO</option>
            <option value="average">Average cost</option>
          </Select>
        )}
      </Field>
      <Field label="Benchmark (optional)" error={err('benchmarksymbol')}>
        {(p) => <Input {...p} value={benchmark} onChange={(e) => setBenchmark(e.target.value)} placeholder="e.g. SPY" />}
      </Field>
      <div>
        <Button type="submit" disabled={state.isLoading}>Create portfolio</Button>
      </div>
      {state.error ? <div className="sm:col-span-2 lg:col-span-5"><ErrorMessage error={state.error} title="The portfolio was not created" /></div> : null}
    </form>
  )
}
