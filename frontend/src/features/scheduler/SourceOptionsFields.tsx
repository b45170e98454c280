import { useState } from 'react'
import type { CollectorDto } from '../../api/schemas'
import { Button, Field, Input, Select } from '../../components/Form'
import { ErrorMessage } from '../../components/QueryState'
import { fmtDate, fmtInt } from '../../utils/format'
import { useKeepUploadMutation, useListKeptUploadsQuery } from '../ingestion/ingestionApi'

/** The command line's server-file option: the API refuses it, so the form never offers it. */
const commandLineOnly = 'file'

/**
 * One field per option the chosen source declares (GET /api/collectors). A CSV source's `upload` is a picker of the
 * user's kept files, with an upload beside it, since a scheduled CSV job imports the same kept file on every run.
 */
export function SourceOptionsFields({ collector, value, onChange, error }: {
  collector: CollectorDto | undefined
  value: Record<string, string>
  onChange: (options: Record<string, string>) => void
  error: (name: string) => string | undefined
}) {
  const parameters = (collector?.parameters ?? []).filter((p) => p.name !== commandLineOnly)
  if (parameters.length === 0) return null
  const set = (name: string, v: string) => onChange({ ...value, [name]: v })
  return (
    <fieldset className="rounded-md border border-slate-300 p-3 dark:border-slate-700">
      <legend className="px-1 text-sm font-medium">{collector?.displayName ?? collector?.name} options</legend>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {parameters.map((p) =>
          p.name === 'upload' ? (
            <UploadPicker key={p.name} value={value.upload ?? ''} onChange={(v) => set('upload', v)} error={error('upload')} />
          ) : (
            <Field key={p.name} label={`${p.name}${p.required ? '' : ' (optional)'}`} hint={p.description} error={error(p.name)}>
              {(f) => <Input {...f} value={value[p.name] ?? ''} onChange={(e) => set(p.name, e.target.value)} autoComplete="off" />}
            </Field>
          ),
        )}
      </div>
    </fieldset>
  )
}

function UploadPicker({ value, onChange, error }: { value: string; onChange: (upload: string) => void; error?: string }) {
  const uploads = useListKeptUploadsQuery()
  const [keep, kept] = useKeepUploadMutation()
  const [file, setFile] = useState<File | null>(null)

  async function upload() {
    if (!file) return
    try {
      const saved = await keep(file).unwrap()
      onChange(saved.upload)
      setFile(null)
    } catch {
      /* shown from kept.error */
    }
  }

  return (
    <>
      <Field label="CSV file" error={error} hint="A kept file: every run imports it" className="sm:col-span-2">
        {(f) => (
          <Select {...f} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{uploads.isLoading ? 'Loading kept files…' : 'Choose a kept file'}</option>
            {(uploads.data ?? []).map((u) => (
              <option key={u.upload} value={u.upload}>{`${u.fileName ?? 'unnamed'} · ${fmtInt(u.bytes)} bytes · ${fmtDate(u.createdAt)}`}</option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex flex-col gap-1">
        <Field label="Or upload a CSV file">
          {(f) => <Input {...f} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <Button variant="secondary" onClick={upload} disabled={!file || kept.isLoading} className="self-start">
          {kept.isLoading ? 'Uploading…' : 'Upload and use'}
        </Button>
        {kept.error ? <ErrorMessage error={kept.error} title="The file was not kept" /> : null}
      </div>
    </>
  )
}
