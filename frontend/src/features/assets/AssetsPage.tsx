import { useEffect, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { assetTypes } from './assetTypes'
import { Card, PageHeader } from '../../components/Card'
import { Button, Field, Input, Select } from '../../components/Form'
import { Pagination } from '../../components/Pagination'
import { QueryState } from '../../components/QueryState'
import { label } from '../../utils/format'
import { CsvUploadForm } from '../ingestion/CsvUploadForm'
import { AddAssetForm } from './AddAssetForm'
import { AssetTable } from './AssetTable'
import { useListAssetsQuery } from './assetsApi'
import { RoleNote } from '../../components/RoleNote'
import { useCan } from '../auth/authApi'

export default function AssetsPage() {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const q = params.get('q') ?? ''
  const type = params.get('type') ?? ''
  const sort = params.get('sort') ?? 'symbol'
  const page = Number(params.get('page') ?? '1') || 1
  const [search, setSearch] = useState(q)
  const [adding, setAdding] = useState(false)
  const [importing, setImporting] = useState(false)

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    const t = setTimeout(() => {
      if (search !== q) update({ q: search, page: '1' })
    }, 300)
    return () => clearTimeout(t)
  }, [search])

  function update(next: Record<string, string>) {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next)) if (v) p.set(k, v); else p.delete(k)
    setParams(p, { replace: true })
  }

  const canAdd = useCan('analyst')
  const list = useListAssetsQuery({ q: q || undefined, type: type || undefined, sort, page, pageSize: 25 })

  return (
    <>
      <PageHeader title="Assets">
        <Button onClick={() => setAdding((a) => !a)} aria-expanded={adding} aria-controls="add-asset" disabled={!canAdd.allowed} title={canAdd.reason}>
          {adding ? 'Close' : 'Add asset'}
        </Button>
        <Button variant="secondary" onClick={() => setImporting((a) => !a)} aria-expanded={importing} aria-controls="import-csv" disabled={!canAdd.allowed} title={canAdd.reason}>
          {importing ? 'Close import' : 'Import CSV'}
        </Button>
      </PageHeader>
      <RoleNote needed="analyst" what="Adding assets is disabled." />
      {adding && canAdd.allowed && (
        <Card id="add-asset" title="Add an asset" className="mb-4">
          <AddAssetForm onCreated={(s) => navigate(`/assets/${encodeURIComponent(s)}`)} />
        </Card>
      )}
      {importing && canAdd.allowed && (
        <Card id="import-csv" title="Import prices from a CSV file" className="mb-4">
          <CsvUploadForm />
        </Card>
      )}
      <Card>
        <div className="mb-3 grid gap-3 sm:grid-cols-[1fr_12rem]">
          <Field label="Search symbol or name">
            {(p) => <Input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. AAPL" />}
          </Field>
          <Field label="Type">
            {(p) => (
              <Select {...p} value={type} onChange={(e) => update({ type: e.target.value, page: '1' })}>
                <option value="">All types</option>
                {assetTypes.map((t) => (
                  <option key={t} value={t}>{label(t)}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={<p className="text-sm">No assets match. Add one with the button above.</p>} loadingLabel="Loading assets…">
          {(d) => (
            <>
              <AssetTable assets={d.items} sort={sort} onSort={(s) => update({ sort: s, page: '1' })} />
              <Pagination page={d.page} totalPages={d.totalPages} totalCount={d.totalCount} onPage={(p) => update({ page: String(p) })} />
            </>
          )}
        </QueryState>
      </Card>
    </>
  )
}
