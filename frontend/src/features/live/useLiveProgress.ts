import { useEffect, useState } from 'react'
import { liveEvents } from '../../api/liveEvents'
import type { CollectionProgressEvent } from '../../api/liveEvents'

/** The latest collection_progress per run (or per request), for progress bars next to running rows. */
export function useLiveProgress(key: 'runId' | 'requestId' = 'runId') {
  const [progress, setProgress] = useState<Record<string, CollectionProgressEvent>>({})
  useEffect(
    () =>
      liveEvents.on('collection_progress', (e) => {
        const id = e[key]
        if (!id) return
        setProgress((p) => ({ ...p, [id]: e }))
      }),
    [key],
  )
  return progress
}
