/**
 * Reading a definition from the text of a YAML or JSON file. The only input is a
 * string: finding and reading files is the caller's business.
 */
import type { Document } from 'yaml'
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml'
import type { QuestionnaireDefinition } from './definition.ts'
import type { Path } from './paths.ts'
import type { DefinitionError, DefinitionResult } from './validate.ts'
import { definitionFaults, toDefinitionErrors } from './validate.ts'

export type DefinitionFormat = 'yaml' | 'json'

type Ranged = { range?: [number, number, number] | null } | null | undefined

/**
 * The line of the deepest part of `path` that exists in the document. A property is
 * found at its key: an unknown `titel:` with a block under it is on the line that says
 * `titel:`, not on the first line of its value.
 */
function lineOf(document: Document, lines: LineCounter, path: Path): number | undefined {
  for (let length = path.length; length > 0; length--) {
    const parent = length === 1 ? document.contents : document.getIn(path.slice(0, length - 1), true)
    const last = path[length - 1]
    if (isMap(parent)) {
      const key = parent.items.find((pair) => isScalar(pair.key) && pair.key.value === last)?.key as Ranged
      if (key?.range) return lines.linePos(key.range[0]).line
    }
    const node = document.getIn(path.slice(0, length), true) as Ranged
    if (node?.range) return lines.linePos(node.range[0]).line
  }
  return undefined
}

function jsonSyntaxError(text: string, error: unknown): DefinitionError {
  const message = error instanceof Error ? error.message : String(error)
  const position = /position (\d+)/.exec(message)?.[1]
  if (position === undefined) return { path: '', message: `JSON syntax error: ${message}` }
  const before = text.slice(0, Number(position))
  const line = before.split('\n').length
  const column = Number(position) - before.lastIndexOf('\n')
  return { path: '', message: `JSON syntax error at line ${line}, column ${column}: ${message}`, line }
}

/**
 * Parses and validates a definition. Errors found after parsing carry the line of the
 * offending part, so whoever edits the file can find it.
 */
export function parseDefinition(text: string, format: DefinitionFormat): DefinitionResult {
  const source = text.replace(/^\uFEFF/, '')
  const lines = new LineCounter()
  // JSON is YAML too: parsing it as YAML gives the positions of its parts.
  const document = parseDocument(source, { lineCounter: lines, prettyErrors: true, uniqueKeys: true })

  let data: unknown
  if (format === 'json') {
    try {
      data = JSON.parse(source)
    } catch (error) {
      return { ok: false, errors: [jsonSyntaxError(source, error)] }
    }
  } else {
    if (document.errors.length > 0) {
      const errors = document.errors.map((e) => ({
        path: '',
        // The first line says what and where; the rest of a pretty message is a code excerpt.
        message: `YAML syntax error: ${(e.message.split('\n')[0] ?? e.message).replace(/:$/, '')}.`,
        ...(e.linePos ? { line: e.linePos[0].line } : {}),
      }))
      return { ok: false, errors }
    }
    data = document.toJS()
  }

  const faults = definitionFaults(data)
  if (faults.length === 0) return { ok: true, definition: data as QuestionnaireDefinition }
  const positioned = document.errors.length === 0
  const errors = toDefinitionErrors(faults).map((error, index) => {
    const line = positioned ? lineOf(document, lines, (faults[index] as { path: Path }).path) : undefined
    return line === undefined ? error : { ...error, line }
  })
  return { ok: false, errors }
}
