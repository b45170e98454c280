import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import { assetTypes } from '../assets/assetTypes'
import { Button, Field, Input, SelectField } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { label } from '../../utils/format'
import { chartIntervals } from '../marketData/intervals'
import { useUploadCsvMutation } from './ingestionApi'
import { RequestProgress } from './RequestProgress'

/** Largest file the server takes by default (Imports__MaxFileBytes); the server's own answer still decides. */
const maxBytes = 16 * 1024 * 1024

/**
 * Imports one symbol's prices from a CSV file on the user's machine: generic OHLCV, a Yahoo download or Stooq format,
 * detected by the server from the header. The file is uploaded; the server never reads a path.
 */
export function CsvUploadForm({ initial }: { initial?: { symbol: string; assetType: string } } = {}) {
  const [file, setFile] = useState<File | null>(null)
  const [symbol, setSymbol] = useState(initial?.symbol ?? '')
  const [assetType, setAssetType] = useState(initial?.assetType ?? 'stock')
  const [interval, setInterval] = useState('1d')
  const [currency, setCurrency] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [requestId, setRequestId] = useState<string | null>(null)
  const [upload, state] = useUploadCsvMutation()
  const server = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? server[k]

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found: Record<string, string> = {}
    if (!file) found.file = 'Choose a CSV file.'
    else if (file.size > maxBytes) found.file = `The file is larger than ${maxBytes / 1024 / 1024} MiB.`
    if (!symbol.trim()) found.symbol = 'Enter the symbol the prices belong to.'
    else if (/[\s,/\\]/.test(symbol.trim())) found.symbol = 'One symbol, without spaces, commas or slashes.'
    setErrors(found)
    if (Object.keys(found).length || !file) return
    try {
      const r = await upload({ file, symbol: symbol.trim(), assetType, interval, currency: currency.trim() || undefined }).unwrap()
      setRequestId(r.requestId)
    } catch {
      /* shown from state.error */
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label="Import prices from CSV" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="CSV file" error={err('file')} hint="Generic OHLCV, Yahoo download or Stooq; comma, semicolon or tab separated">
          {(p) => <Input {...p} type="file" accept=".csv,.txt,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Field label="Symbol" error={err('symbol') ?? err('symbols')}>
          {(p) => <Input {...p} value={symbol} onChange={(e) => setSymbol(e.target.value)} autoComplete="off" placeholder="e.g. MYCO" />}
        </Field>
        <SelectField label="Type" error={err('assettype')} value={assetType} options={assetTypes} onChange={setAssetType} show={label} />
        <SelectField label="Interval" error={err('interval')} value={interval} options={chartIntervals} onChange={setInterval} />
        <Field label="Currency (optional)" error={err('currency')}>
          {(p) => <Input {...p} value={currency} onChange={(e) => setCurrency(e.target.value)} placeholder="e.g. USD" maxLength={8} />}
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Uploading…' : 'Import'}</Button>
        </div>
      </form>
      {state.error ? <ErrorMessage error={state.error} title="The file was not imported" /> : null}
      {requestId && <RequestProgress requestId={requestId} />}
    </div>
  )
}
