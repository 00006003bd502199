import type { FastifyRequest } from 'fastify'
import type { FieldError } from '#src/server/services/rounds/rounds.ts'

/** The round form's problems as messages per field; the form's summary lists them all. */
export function fieldMessages(request: FastifyRequest, errors: FieldError[]): Record<string, string[]> {
  const messages: Record<string, string[]> = {}
  for (const e of errors) (messages[e.field] ??= []).push(request.t(`management.rounds.errors.${e.key}`, e.params))
  return messages
}
