/**
 * File uploads from plain HTML forms (no JavaScript), with the CSRF check intact.
 *
 * The app checks the CSRF token in preValidation, from the parsed body. @fastify/multipart
 * (as registered app-wide) leaves a multipart body unparsed until the handler asks for
 * it, so the token would never be found. A route that takes uploads calls
 * `acceptUploadForms(app)` in its own plugin: it parses multipart forms into an ordinary
 * body (fields as strings, files as UploadedFile) before preValidation, with the WHATWG
 * FormData parser built into Node, within a size limit.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'

export interface UploadedFile {
  fileName: string
  type: string
  data: Buffer
}

export type UploadBody = Record<string, string | UploadedFile | undefined>

const MULTIPART = 'multipart/form-data'

export function acceptUploadForms(app: FastifyInstance, maxBytes: number): void {
  if (app.hasContentTypeParser(MULTIPART)) app.removeContentTypeParser(MULTIPART)
  app.addContentTypeParser(
    MULTIPART,
    { parseAs: 'buffer', bodyLimit: maxBytes },
    async (request: FastifyRequest, body: Buffer) => {
      let form: FormData
      try {
        form = await new Response(new Blob([new Uint8Array(body)]), {
          headers: { 'content-type': String(request.headers['content-type']) },
        }).formData()
      } catch {
        throw Object.assign(new Error('malformed multipart body'), { statusCode: 400 })
      }
      const result: UploadBody = {}
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') result[name] = value
        else if (value.size > 0 || value.name) {
          result[name] = { fileName: value.name, type: value.type, data: Buffer.from(await value.arrayBuffer()) }
        }
      }
      return result
    },
  )
}

export function uploadedFile(body: UploadBody | undefined, name: string): UploadedFile | undefined {
  const value = body?.[name]
  return typeof value === 'object' && value.data.length > 0 ? value : undefined
}

export function field(body: UploadBody | Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name]
  return typeof value === 'string' ? value : ''
}
