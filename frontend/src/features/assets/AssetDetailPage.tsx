import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { Card, PageHeader } from '../../components/Card'
import { SyntheticBadge } from '../../components/Badges'
import { QueryState } from '../../components/QueryState'
import { label } from '../../utils/format'
import { IntervalSwitch } from '../marketData/IntervalSwitch'
import { SymbolChart } from '../marketData/SymbolChart'
import { useGetAssetQuery } from './assetsApi'
import { CollectionHistory } from './CollectionHistory'
import { CollectNow } from './CollectNow'
import { RoleNote } from '../../components/RoleNote'
import { useCan } from '../auth/authApi'
import { CoveragePanel } from './CoveragePanel'
import { AddAssetForm } from './AddAssetForm'
import { Button } from '../../components/Form'
import { AlertMe } from '../alerts/AlertMe'
import { CurrencySelect } from '../currencies/CurrencySelect'
import { AssetQualityBadge } from '../quality/QualityBadge'

export default function AssetDetailPage() {
  const symbol = useParams().symbol ?? ''
  const asset = useGetAssetQuery(symbol)
  const [interval, setInterval] = useState('1d')
  const [currency, setCurrency] = useState('')
  const canCollect = useCan('analyst')
  const [editing, setEditing] = useState(false)
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/assets" className="text-sky-700 underline dark:text-sky-400">← Assets</Link>
      </p>
      <QueryState query={asset} loadingLabel={`Loading ${symbol}…`}>
        {(a) => (
          <>
            <PageHeader title={a.symbol} badge={<><SyntheticBadge show={a.isSynthetic} /><AssetQualityBadge symbol={a.symbol} interval={interval} /></>} />
            <p className="-mt-3 mb-4 text-sm text-slate-700 dark:text-slate-300">
              {[a.name, label(a.assetType), a.currency, a.exchange, `source: ${a.source}`].filter(Boolean).join(' · ')}{' '}
              {!editing && canCollect.allowed && (
                <Button variant="secondary" className="!px-2 !py-0.5 text-xs" onClick={() => setEditing(true)} aria-label={`Edit asset ${a.symbol}`}>Edit</Button>
              )}
            </p>
            {editing && (
              <Card id="edit-asset" title={`Edit ${a.symbol}`} className="mb-4">
                {/* Keyed by version: a reload that brings a newer version starts the form afresh from it. */}
                <AddAssetForm key={`${a.symbol}:${a.version}`} editing={a} onDone={() => setEditing(false)} onReload={() => asset.refetch()} />
              </Card>
            )}
            <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
              <Card id="asset-chart" title="Chart" className="lg:col-span-2"
                actions={<span className="flex flex-wrap items-center gap-2"><AlertMe symbol={a.symbol} interval={interval} /><CurrencySelect value={currency} onChange={setCurrency} quoted={a.currency} /><IntervalSwitch value={interval} onChange={setInterval} /></span>}>
                <SymbolChart symbol={a.symbol} interval={interval} currency={currency} />
              </Card>
              <Card id="collect" title="Collect now">
                {canCollect.allowed ? <CollectNow asset={a} /> : <RoleNote needed="analyst" what="Collecting is disabled." />}
              </Card>
              <Card id="coverage" title="Data coverage and gaps">
                <CoveragePanel symbol={a.symbol} />
              </Card>
              <Card id="history" title="Collection history" className="lg:col-span-2">
                <CollectionHistory symbol={a.symbol} />
              </Card>
            </div>
          </>
        )}
      </QueryState>
    </>
  )
}
