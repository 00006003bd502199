/** Binary (P5) PGM images, as pdftoppm -gray writes them: read by the mail-merge tests and the scan test set. */

/**
 * The header of the binary (P5) PGM at `offset`, as pdftoppm -gray writes it: "P5",
 * width, height and maxval, separated by whitespace, then one byte per pixel from
 * `pixelsAt`. Undefined when the data there is not a binary PGM.
 */
export function pgmHeader(data: Buffer, offset = 0): { width: number; height: number; pixelsAt: number } | undefined {
  const fields: string[] = []
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[offset]!))) offset++
    let field = ''
    while (!/\s/.test(String.fromCharCode(data[offset]!))) field += String.fromCharCode(data[offset++]!)
    fields.push(field)
  }
  if (fields[0] !== 'P5') return undefined
  return { width: Number(fields[1]), height: Number(fields[2]), pixelsAt: offset + 1 }
}
