import { fmtScore, levelLook, qualityLevel } from './qualityLevel'

/** A score with its word (good, fair, poor) in the word's colour. */
export function QualityScore({ score }: { score: number }) {
  const level = qualityLevel(score)
  return (
    <span data-level={level} className={`inline-flex items-baseline gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${levelLook[level]}`}>
      <span className="num">{fmtScore(score)}</span> {level}
    </span>
  )
}
