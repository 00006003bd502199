/** Why letters were not made: every problem for staff in one notice, in English in the log. */
import type { FastifyRequest } from 'fastify'
import type { PrintRefusedError } from '#src/server/services/fieldwork/print-readiness.ts'
import { describeProblems } from '#src/server/services/fieldwork/print-readiness.ts'

export function noticePrintRefusal(request: FastifyRequest, error: PrintRefusedError): void {
  request.log.warn({ roundId: request.round?.id }, error.message)
  const problems = describeProblems(error.problems, request.t).join(' ')
  request.notice('fieldwork.letters.readiness.refused', { problems }, 'refused')
}
