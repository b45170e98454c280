import { useState, type FormEvent } from 'react'
import { fieldErrors } from '../../api/problem'
import { assetTypes } from './assetTypes'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { label } from '../../utils/format'
import { useGetCollectorsQuery } from '../health/healthApi'
import { useCreateAssetMutation } from './assetsApi'
import { emptyAsset, toAssetInput, validateAsset, type AssetFormValues } from './assetForm'

const fallbackSources = ['synthetic', 'yahoo', 'coinbase', 'fred', 'csv']

export function AddAssetForm({ onCreated }: { onCreated?: (symbol: string) => void }) {
  const [values, setValues] = useState<AssetFormValues>(emptyAsset)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [create, state] = useCreateAssetMutation()
  const collectors = useGetCollectorsQuery()
  const sources = collectors.data?.map((c) => c.name) ?? fallbackSources
  const serverErrors = fieldErrors(state.error)
  const err = (k: string) => errors[k] ?? serverErrors[k]
  const set = (k: keyof AssetFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }))

  async function submit(e: FormEvent) {
    e.preventDefault()
    const found = validateAsset(values)
    setErrors(found)
    if (Object.keys(found).length) return
    try {
      const created = await create(toAssetInput(values)).unwrap()
      setValues(emptyAsset)
      onCreated?.(created?.symbol ?? toAssetInput(values).symbol)
    } catch {
      /* shown from state.error */
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add asset" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Field label="Symbol" error={err('symbol')} hint="For example AAPL, BTC-USD, EURUSD=X or SYN-1">
        {(p) => <Input {...p} value={values.symbol} onChange={set('symbol')} autoComplete="off" required />}
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
      <div className="flex flex-col gap-2 sm:col-span-2 lg:col-span-3">
        {state.error ? <ErrorMessage error={state.error} title="The asset was not added" /> : null}
        <div>
          <Button type="submit" disabled={state.isLoading}>{state.isLoading ? 'Adding…' : 'Add asset'}</Button>
        </div>
      </div>
    </form>
  )
}
