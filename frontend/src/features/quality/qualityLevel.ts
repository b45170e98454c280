export type QualityLevel = 'good' | 'fair' | 'poor'

/**
 * The word for a score (0–100). docs/data-quality.md defines the score but no bands, so these are the dashboard's:
 * 90 and up is good (a few missing or suspect bars in the 250-bar window), 70 up to 90 fair (the doc's example, a tenth
 * of the bars missing, 4% suspect and slightly stale, scores 72), below 70 poor.
 */
export function qualityLevel(score: number): QualityLevel {
  return score >= 90 ? 'good' : score >= 70 ? 'fair' : 'poor'
}

// The word is always shown next to the colour, so the colour only repeats it.
export const levelLook: Record<QualityLevel, string> = {
  good: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-500 dark:bg-emerald-950 dark:text-emerald-100',
  fair: 'border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100',
  poor: 'border-rose-600 bg-rose-50 text-rose-900 dark:border-rose-500 dark:bg-rose-950 dark:text-rose-100',
}

/** The score as the server rounds it, one decimal at most: 97.5, 100. */
export const fmtScore = (score: number) => String(Number(score.toFixed(1)))
