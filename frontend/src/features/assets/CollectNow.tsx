import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import type { AssetDto } from '../../api/schemas'
import { Button, Field, Input, SelectField } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { useCreateRequestMutation } from '../ingestion/ingestionApi'
import { RequestProgress } from '../ingestion/RequestProgress'
import { chartIntervals, intervalLabel } from '../marketData/intervals'
import { CsvUploadForm } from '../ingestion/CsvUploadForm'
import { useGetCollectorsQuery } from '../health/healthApi'

const MaxDays = 36500

/**
 * "Collect now": an incremental request from the last stored bar up to now, with its progress live. A CSV asset has
 * no provider to ask: collecting it again means uploading a newer file for the same symbol.
 */
export function CollectNow({ asset }: { asset: AssetDto }) {
  if (asset.source === 'csv')
    return (
      <div className="space-y-2">
        <p className="text-sm text-slate-700 dark:text-slate-300">{asset.symbol} came from a CSV file: upload a newer file to add its latest prices.</p>
        <CsvUploadForm initial={{ symbol: asset.symbol, assetType: asset.assetType }} />
      </div>
    )
  return <CollectFromSource asset={asset} />
}

/** Only what the asset's source can do: its intervals, and no further back than its history limit for the interval. */
function CollectFromSource({ asset }: { asset: AssetDto }) {
  const collector = useGetCollectorsQuery().data?.find((c) => c.name === asset.source)
  const offered = collector?.intervals?.length ? chartIntervals.filter((i) => collector.intervals?.includes(i)) : chartIntervals
  const [chosen, setInterval] = useState('1d')
  const interval = offered.includes(chosen as never) ? chosen : (offered.includes('1d') ? '1d' : offered[0])
  const limit = Math.min(MaxDays, collector?.historyLimitDays?.[interval] ?? MaxDays)
  const [days, setDays] = useState('30')
  const [error, setError] = useState<string | undefined>()
  const [requestId, setRequestId] = useState<string | null>(null)
  const [create, state] = useCreateRequestMutation()
  const server = fieldErrors(state.error)

  async function submit(e: FormEvent) {
    e.preventDefault()
    const n = Number(days)
    if (!Number.isInteger(n) || n < 1 || n > limit) {
      setError(limit < MaxDays
        ? `${collector?.displayName ?? asset.source} keeps ${intervalLabel[interval] ?? interval} bars for ${limit} days: enter whole days between 1 and ${limit}.`
        : `Enter whole days between 1 and ${limit}.`)
      return
    }
    setError(undefined)
    const to = new Date()
    const from = new Date(to.getTime() - n * 86_400_000)
    try {
      const r = await create({
        source: asset.source,
        symbols: [asset.symbol],
        assetType: asset.assetType,
        interval,
        from: from.toISOString(),
        to: to.toISOString(),
        mode: 'incremental',
      }).unwrap()
      setRequestId(r.requestId)
    } catch {
      /* shown from state.error */
    }
  }

  return (
    <div className="space-y-3">
      <form onSubmit={submit} noValidate aria-label="Collect now" className="grid grid-cols-2 gap-3">
        <SelectField label="Interval" error={server.interval} value={interval} options={offered} onChange={setInterval} show={(o) => intervalLabel[o] ?? o} />
        <Field label="Look back (days)" error={error ?? server.from ?? server.to} hint="Only bars after the last stored one are fetched">
          {(p) => <Input {...p} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        <div className="col-span-2">
          <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Requesting…' : 'Collect now'}</Button>
        </div>
      </form>
      {state.error ? <ErrorMessage error={state.error} title="Collection was not started" /> : null}
      {requestId && <RequestProgress requestId={requestId} />}
    </div>
  )
}
