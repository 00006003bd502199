/** Posting a file the way a browser posts `<form enctype="multipart/form-data">`. */
import type { LightMyRequestResponse } from 'fastify'
import type { Browser } from '#test/helpers/app.ts'
import { csrfTokenOf } from '#test/helpers/app.ts'

// Browser keeps its cookie jar private; uploads need the same jar.
interface BrowserInternals {
  app: import('fastify').FastifyInstance
  ip: string
  cookieHeader(): string
  remember(response: LightMyRequestResponse): void
}

export async function upload(
  browser: Browser,
  url: string,
  fields: Record<string, string>,
  files: Record<string, { name: string; data: Buffer | string; type?: string }>,
): Promise<LightMyRequestResponse> {
  const form = new FormData()
  form.append('_csrf', csrfTokenOf(browser.lastPage))
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const [k, f] of Object.entries(files)) {
    const bytes = typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : f.data
    form.append(k, new Blob([new Uint8Array(bytes)], { type: f.type ?? 'application/octet-stream' }), f.name)
  }
  const request = new Request('http://x/', { method: 'POST', body: form })
  const payload = Buffer.from(await request.arrayBuffer())
  const internals = browser as unknown as BrowserInternals
  const response = await internals.app.inject({
    method: 'POST',
    url,
    remoteAddress: internals.ip,
    headers: { cookie: internals.cookieHeader(), 'content-type': request.headers.get('content-type')! },
    payload,
  })
  internals.remember(response)
  if (response.headers['content-type']?.toString().startsWith('text/html')) browser.lastPage = response.body
  return response
}

/** POST then follow the redirect, like a browser. */
export async function uploadAndFollow(...args: Parameters<typeof upload>): Promise<LightMyRequestResponse> {
  const [browser] = args
  const response = await upload(...args)
  if (response.statusCode >= 300 && response.statusCode < 400) return browser.visit(String(response.headers.location))
  return response
}
