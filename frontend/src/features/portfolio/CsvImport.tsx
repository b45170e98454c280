import { useState, type FormEvent } from 'react'
import { problemLines } from '../../api/problem'
import { Button, inputCls } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { LineErrors } from '../../components/LineErrors'
import { useImportTransactionsMutation } from './portfolioApi'

const header = 'type,symbol,time,quantity,price,amount,fee,currency,note'

export function CsvImport({ portfolioId }: { portfolioId: string }) {
  const [csv, setCsv] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [skipInvalid, setSkipInvalid] = useState(false)
  const [importCsv, state] = useImportTransactionsMutation()

  async function submit(e: FormEvent) {
    e.preventDefault()
    const first = csv.trim().split(/\r?\n/)[0]?.replace(/\s/g, '').toLowerCase()
    if (!csv.trim()) return setError('Paste CSV text or choose a file.')
    if (first !== header) return setError(`The first line must be the header: ${header}`)
    setError(undefined)
    await importCsv({ portfolioId, csv: csv.trim() + '\n', skipInvalid }).unwrap().catch(() => undefined)
  }

  async function onFile(file: File | undefined) {
    if (file) setCsv(await file.text())
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Import transactions" className="space-y-2">
      <div>
        <label htmlFor="csv-file" className="text-sm font-medium">CSV file</label>
        <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e.target.files?.[0])} className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-transparent file:px-3 file:py-1 file:text-sm" />
      </div>
      <div>
        <label htmlFor="csv-text" className="text-sm font-medium">or paste CSV</label>
        <textarea id="csv-text" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={`${header}\nbuy,AAPL,2024-01-02,10,185.5,,1,USD,first lot`} aria-invalid={error ? true : undefined} aria-describedby={error ? 'csv-err' : undefined} className={`${inputCls} font-mono text-xs`} />
        {error && <p id="csv-err" className="text-xs font-medium text-rose-700 dark:text-rose-400">{error}</p>}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
        Import the good lines and skip the invalid ones
      </label>
      <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Importing…' : 'Import'}</Button>
      {state.error ? (
        <div>
          <ErrorMessage error={state.error} title="Nothing was imported" />
          <LineErrors lines={problemLines(state.error)} />
        </div>
      ) : null}
      {state.data && (
        <div role="status" className="text-sm">
          <p>{state.data.imported} transaction{state.data.imported === 1 ? '' : 's'} imported.</p>
          <LineErrors lines={state.data.errors} />
        </div>
      )}
    </form>
  )
}
