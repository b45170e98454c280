import { useState, type FormEvent } from 'react'
import { fieldErrors, isStale } from '../../api/problem'
import type { PortfolioDto } from '../../api/schemas'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { StaleNotice } from '../../components/StaleNotice'
import { useCreatePortfolioMutation, useUpdatePortfolioMutation } from './portfolioApi'

/** Creates a portfolio, or with `editing` changes that one, sending back the version it read. */
export function CreatePortfolioForm({ onCreated, editing, onDone, onReload }: {
  onCreated?: (p: PortfolioDto) => void; editing?: PortfolioDto; onDone?: () => void; onReload?: () => void
}) {
  const [name, setName] = useState(editing?.name ?? '')
  const [baseCurrency, setBase] = useState(editing?.baseCurrency ?? 'USD')
  const [method, setMethod] = useState(editing?.costBasisMethod ?? 'fifo')
  const [benchmark, setBenchmark] = useState(editing?.benchmarkSymbol ?? '')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, created] = useCreatePortfolioMutation()
  const [update, updated] = useUpdatePortfolioMutation()
  const state = editing ? updated : created
  const stale = isStale(state.error)
  const server = stale ? {} : fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!name.trim()) found.name = 'Give the portfolio a name.'
    if (!/^[A-Za-z]{3}$/.test(baseCurrency.trim())) found.basecurrency = 'Three-letter code, e.g. USD.'
    setErrors(found)
    if (Object.keys(found).length) return
    const body = {
      name: name.trim(), baseCurrency: baseCurrency.trim().toUpperCase(), costBasisMethod: method, allowShort: editing?.allowShort ?? false,
      benchmarkSymbol: benchmark.trim().toUpperCase() || null,
    }
    try {
      if (editing) {
        await update({ id: editing.id, body: { ...body, version: editing.version } }).unwrap()
        onDone?.()
      } else {
        const p = await create(body).unwrap()
        setName('')
        onCreated?.(p)
      }
    } catch {
      /* shown from state.error */
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit portfolio' : 'New portfolio'} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
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
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={state.isLoading}>{editing ? 'Save portfolio' : 'Create portfolio'}</Button>
        {editing && onDone && <Button variant="secondary" onClick={onDone}>Cancel</Button>}
      </div>
      {stale && onReload ? <div className="sm:col-span-2 lg:col-span-5"><StaleNotice what="portfolio" onReload={onReload} /></div> : null}
      {state.error && !stale ? (
        <div className="sm:col-span-2 lg:col-span-5">
          <ErrorMessage error={state.error} title={editing ? 'The portfolio was not saved' : 'The portfolio was not created'} />
        </div>
      ) : null}
    </form>
  )
}
