/** The lines of an imported file that were refused, each with its reason; nothing when there are none. */
export function LineErrors({ lines, max = 200 }: { lines: { line: number | null; message: string }[]; max?: number }) {
  if (lines.length === 0) return null
  return (
    <div className="mt-1 text-sm">
      <p className="font-medium">{lines.length} line{lines.length === 1 ? '' : 's'} refused{lines.length > max ? `; the first ${max} are listed` : ''}:</p>
      <ul className="max-h-60 list-disc overflow-auto pl-5 text-rose-800 dark:text-rose-300">
        {lines.slice(0, max).map((e, i) => (
          <li key={`${e.line}-${i}`}>{e.line === null ? '' : `Line ${e.line}: `}{e.message}</li>
        ))}
      </ul>
    </div>
  )
}
