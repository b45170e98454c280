import { freshAccessToken, refreshSession } from '../features/auth/session'

async function get(url: string): Promise<Response> {
  const token = await freshAccessToken()
  return fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
}

function fileName(res: Response, fallback: string): string {
  const disposition = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) return decodeURIComponent(star[1])
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback
}

/**
 * Downloads a file from the API with the signed-in user's token (a plain link cannot carry the Authorization
 * header). A refused token is refreshed once, as the API slice does. Throws the ProblemDetails detail on failure.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  const url = `${window.location.origin}/api${path}`
  let res = await get(url)
  if (res.status === 401 && (await refreshSession(true))) res = await get(url)
  if (!res.ok) {
    const problem = await res.json().catch(() => null)
    throw new Error(problem?.detail ?? problem?.title ?? `The export failed (${res.status}).`)
  }
  const name = fileName(res, fallbackName)
  const href = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.click()
  URL.revokeObjectURL(href)
  return name
}
