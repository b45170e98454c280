import { query } from '../../api/apiSlice'
import { DownloadMenu } from '../../components/DownloadMenu'

const formats = [
  { id: 'csv', label: 'CSV' },
  { id: 'parquet', label: 'Parquet' },
] as const

type Props = { symbol: string; interval: string; from?: string; to?: string; currency?: string; disabled?: boolean }

/** Export of the shown symbol, interval, range and currency through GET /api/market-data/export, as CSV or Parquet. */
export function ExportMenu({ symbol, interval, from, to, currency, disabled }: Props) {
  const items = formats.map((f) => ({
    id: f.id,
    label: `Export ${f.label}`,
    path: `/market-data/export${query({ symbols: symbol, interval, from, to, currency, format: f.id })}`,
    fileName: `${symbol}-${interval}.${f.id}`,
  }))
  return <DownloadMenu group={`Export ${symbol} ${interval}`} items={items} disabled={disabled} />
}
