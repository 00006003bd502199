/**
 * Paths into a definition, as staff read them in error messages:
 * `sections[2].questions[1].options[0].label.nl`.
 */

export type PathSegment = string | number
export type Path = readonly PathSegment[]

export function formatPath(path: Path): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text === '' ? segment : `.${segment}`
    else text += `[${JSON.stringify(segment)}]`
  }
  return text
}

/** A JSON pointer as ajv reports it ("/sections/2/title") to path segments. */
export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part))
}

/** A problem found in a definition, before its path is turned into text. */
export interface Fault {
  path: Path
  message: string
}
