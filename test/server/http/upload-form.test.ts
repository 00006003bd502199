import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { acceptUploadForms, field, uploadedFile } from '#src/server/http/upload-form.ts'

const LIMIT = 1000

let app: FastifyInstance
/** The _csrf field as the app's preHandler hooks see it, where the CSRF check runs. */
let tokenInPreHandler: string | undefined
beforeAll(async () => {
  app = Fastify()
  app.addHook('preHandler', async (request) => {
    tokenInPreHandler = field(request.body as UploadBody | undefined, '_csrf')
  })
  await app.register(async (uploads) => {
    await acceptUploadForms(uploads, LIMIT)
    uploads.post<{ Body: UploadBody }>('/upload', async (request) => {
      const file = uploadedFile(request.body, 'bestand')
      return {
        naam: field(request.body, 'naam'),
        fields: Object.keys(request.body ?? {}),
        file: file && { fileName: file.fileName, type: file.type, text: file.data.toString('utf8') },
      }
    })
  })
  app.post('/elsewhere', async () => 'read')
  await app.ready()
})
afterAll(() => app.close())

type Part = string | { name: string; data: string | Buffer; type?: string }

async function post(url: string, parts: Record<string, Part | Part[]>) {
  const form = new FormData()
  for (const [name, values] of Object.entries(parts)) {
    for (const value of [values].flat()) {
      if (typeof value === 'string') form.append(name, value)
      else {
        const bytes = typeof value.data === 'string' ? Buffer.from(value.data) : value.data
        form.append(name, new Blob([new Uint8Array(bytes)], { type: value.type ?? 'text/csv' }), value.name)
      }
    }
  }
  const request = new Request('http://x/', { method: 'POST', body: form })
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  })
}

describe('upload forms', () => {
  it('reads fields as text and a file with its name and type, in time for the CSRF check', async () => {
    const response = await post('/upload', {
      _csrf: 'token',
      naam: 'Öztürk',
      bestand: { name: 'klanten-Hengelo é.csv', data: 'a;b\r\n1;2' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      naam: 'Öztürk',
      fields: ['_csrf', 'naam', 'bestand'],
      file: { fileName: 'klanten-Hengelo é.csv', type: 'text/csv', text: 'a;b\r\n1;2' },
    })
    expect(tokenInPreHandler).toBe('token')
  })

  it('leaves NUL out of text fields and file names, and keeps the last of a repeated name', async () => {
    const response = await post('/upload', {
      naam: ['eerste', 'Jan\u0000sen'],
      bestand: { name: 'klant\u0000en.csv', data: 'x' },
    })
    expect(response.json()).toMatchObject({ naam: 'Jansen', file: { fileName: 'klanten.csv' } })
  })

  it('takes a file input left empty as no file', async () => {
    // FormData leaves the empty name out; a browser sends filename="".
    const response = await post('/upload', {
      naam: 'x',
      bestand: { name: '', data: '', type: 'application/octet-stream' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json().file).toBeUndefined()
    const browser = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
      payload:
        '--b\r\nContent-Disposition: form-data; name="bestand"; filename=""\r\n' +
        'Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n',
    })
    expect(browser.statusCode).toBe(200)
    expect(browser.json()).toEqual({ naam: '', fields: ['bestand'] })
  })

  it('refuses with 413 a file, a field, or file and fields together above the limit', async () => {
    const big = 'x'.repeat(LIMIT + 1)
    const half = 'x'.repeat(LIMIT / 2 + 1)
    const cases: Array<Record<string, Part>> = [
      { bestand: { name: 'groot.csv', data: big } },
      { naam: big },
      { naam: half, bestand: { name: 'half.csv', data: half } },
      { naam: half, andere: half },
    ]
    for (const parts of cases) {
      const response = await post('/upload', parts)
      expect(response.statusCode, Object.keys(parts).join(', ')).toBe(413)
    }
    expect((await post('/upload', { naam: 'x'.repeat(LIMIT) })).statusCode).toBe(200)
  })

  it('refuses with 413 a flood of fields or files', async () => {
    const fields = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, '']))
    expect((await post('/upload', fields)).statusCode).toBe(413)
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`b${i}`, { name: `${i}.csv`, data: '' }]))
    expect((await post('/upload', files)).statusCode).toBe(413)
  })

  it('refuses with 400 a body that is not the multipart it claims to be', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: 'this is not multipart',
    })
    expect(response.statusCode).toBe(400)
  })

  it('is read only by the routes that take uploads', async () => {
    const response = await post('/elsewhere', { naam: 'x' })
    expect(response.statusCode).toBe(415)
  })
})
