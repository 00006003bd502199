/**
 * File uploads from plain HTML forms (no JavaScript), with the CSRF check intact.
 *
 * A route plugin that takes uploads calls `acceptUploadForms(app, maxBytes)`: it
 * registers @fastify/multipart for that plugin's routes only (elsewhere a multipart post
 * is refused unread), with its limits set before anything is read, and turns the form
 * into an ordinary body (fields as strings, files as UploadedFile) in preValidation. The
 * app checks the CSRF token after that, in preHandler, from that body.
 */
import multipart from '@fastify/multipart'
import type { Multipart } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'

export interface UploadedFile {
  fileName: string
  type: string
  data: Buffer
}

export type UploadBody = Record<string, string | UploadedFile | undefined>

/** The largest upload form (a letter template in many languages) has a few dozen fields; hundreds are an attack. */
const MAX_FIELDS = 200
/** Forms here have one file input; the byte budget bounds the rest, this only stops a flood of empty files. */
const MAX_FILES = 5

function tooLarge(): Error {
  return Object.assign(new Error('upload form larger than its limit'), { statusCode: 413 })
}

/** NUL is left out, as from url-encoded forms (url-encoded.ts): PostgreSQL cannot store it in a text. */
function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '')
}

/**
 * Reads the multipart form of `request`: at most `maxBytes` of field values and file
 * contents together. A name sent twice keeps its last value.
 */
async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadBody> {
  const body: UploadBody = Object.create(null)
  let bytes = 0
  const count = (n: number) => {
    bytes += n
    if (bytes > maxBytes) throw tooLarge()
  }
  for await (const part of request.parts() as AsyncIterableIterator<Multipart>) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      count(data.length)
      // A file input left empty comes with filename="", or (from some clients) none at all.
      const fileName = withoutNul(part.filename ?? '')
      body[part.fieldname] = { fileName, type: part.mimetype, data }
    } else {
      // busboy cuts a value at fieldSize without failing: a cut value must not pass for the whole.
      if (part.valueTruncated || part.fieldnameTruncated) throw tooLarge()
      // A part that declares a JSON type arrives parsed; a browser's form sends only text.
      if (typeof part.value !== 'string') continue
      count(Buffer.byteLength(part.value))
      body[part.fieldname] = withoutNul(part.value)
    }
  }
  return body
}

export async function acceptUploadForms(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, {
    limits: {
      fileSize: maxBytes,
      fieldSize: maxBytes,
      fields: MAX_FIELDS,
      files: MAX_FILES,
      parts: MAX_FIELDS + MAX_FILES,
    },
  })
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return
    try {
      request.body = await readUploadForm(request, maxBytes)
    } catch (error) {
      // Over a limit: 413 from the library or above. Anything else is a body that is not the multipart it claims to be.
      if ((error as { statusCode?: number }).statusCode === 413) throw error
      throw Object.assign(new Error('malformed multipart body', { cause: error }), { statusCode: 400 })
    }
  })
}

/** The file sent in `name`; an input left empty gives undefined, a chosen file that is empty does not. */
export function uploadedFile(body: UploadBody | undefined, name: string): UploadedFile | undefined {
  const value = body?.[name]
  return typeof value === 'object' && (value.data.length > 0 || value.fileName !== '') ? value : undefined
}

export function field(body: UploadBody | Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name]
  return typeof value === 'string' ? value : ''
}
