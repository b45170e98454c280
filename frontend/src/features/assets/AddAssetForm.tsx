import { useState, type FormEvent } from 'react'
import { fieldErrors, isStale } from '../../api/problem'
import type { AssetDto } from '../../api/schemas'
import { StaleNotice } from '../../components/StaleNotice'
import { assetTypes } from './assetTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { label } from '../../utils/format'
import { useGetCollectorsQuery } from '../health/healthApi'
import { useCreateAssetMutation, useUpdateAssetMutation } from './assetsApi'
import { emptyAsset, fromAsset, toAssetInput, validateAsset, type AssetFormValues } from './assetForm'

const fallbackSources = ['synthetic', 'yahoo', 'coinbase', 'fred', 'csv']

/** Adds an asset, or with `editing` changes that one (its symbol stays), sending back the version it read. */
export function AddAssetForm({ onCreated, editing, onDone, onReload }: {
  onCreated?: (symbol: string) => void; editing?: AssetDto; onDone?: () => void; onReload?: () => void
}) {
  const [values, setValues] = useState<AssetFormValues>(editing ? fromAsset(editing) : emptyAsset)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, created] = useCreateAssetMutation()
  const [update, updated] = useUpdateAssetMutation()
  const state = editing ? updated : created
  const stale = isStale(state.error)
  const collectors = useGetCollectorsQuery()
  const sources = collectors.data?.map((c) => c.name) ?? fallbackSources
  const serverErrors = stale ? {} : fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? serverErrors[k]
  const set = (k: keyof AssetFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateAsset(values)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      if (editing) {
        await update({ symbol: editing.symbol, body: { ...toAssetInput(values), symbol: editing.symbol, version: editing.version } }).unwrap()
        onDone?.()
        return
      }
      const created = await create(toAssetInput(values)).unwrap()
      setValues(emptyAsset)
      onCreated?.(created?.symbol ?? toAssetInput(values).symbol)
    } catch {
      /* shown from state.error */
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={editing ? 'Edit asset' : 'Add asset'} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Field label="Symbol" error={err('symbol')} hint={editing ? 'A symbol cannot be renamed' : 'For example AAPL, BTC-USD, EURUSD=X or SYN-1'}>
        {(p) => <Input {...p} value={values.symbol} onChange={set('symbol')} autoComplete="off" required readOnly={!!editing} />}
      </Field>
      <Field label="Name" error={err('name')}>
        {(p) => <Input {...p} value={values.name} onChange={set('name')} />}
      </Field>
      <Field label="Type" error={err('assettype')}>
        {(p) => (
          <Select {...p} value={values.assetType} onChange={set('assetType')}>
            {assetTypes.map((t) => (
              <option key={t} value={t}>{label(t)}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Source" error={err('source')} hint={values.source === 'synthetic' ? 'Generated data, labelled synthetic everywhere' : undefined}>
        {(p) => (
          <Select {...p} value={values.source} onChange={set('source')}>
            {sources.map((s) => (
              <option key={s} value={s}>{collectors.data?.find((c) => c.name === s)?.displayName ?? s}</option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Currency" error={err('currency')}>
        {(p) => <Input {...p} value={values.currency} onChange={set('currency')} maxLength={3} />}
      </Field>
      <Field label="Exchange" error={err('exchange')}>
        {(p) => <Input {...p} value={values.exchange} onChange={set('exchange')} />}
      </Field>
      <Field label="Metadata" error={err('metadata')} hint="One key=value per line, e.g. timezone=America/New_York" className="sm:col-span-2 lg:col-span-3">
        {(p) => (
          <textarea {...p} rows={3} value={values.metadata} onChange={set('metadata')}
            className="w-full min-w-0 rounded-md border border-slate-400 bg-white px-2 py-1.5 font-mono text-sm text-slate-900 aria-[invalid=true]:border-rose-600 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100" />
        )}
      </Field>
      <div className="flex flex-col gap-2 sm:col-span-2 lg:col-span-3">
        {stale && onReload ? <StaleNotice what="asset" onReload={onReload} /> : null}
        {state.error && !stale ? <ErrorMessage error={state.error} title={editing ? 'The asset was not saved' : 'The asset was not added'} /> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={state.isLoading}>
            {editing ? (state.isLoading ? 'Saving…' : 'Save asset') : state.isLoading ? 'Adding…' : 'Add asset'}
          </Button>
          {editing && onDone && <Button variant="secondary" onClick={onDone}>Cancel</Button>}
        </div>
      </div>
    </form>
  )
}
