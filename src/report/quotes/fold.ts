/**
 * Text folded for comparing names the way clients type them: lower case, without
 * diacritics, Turkish dotless ı as i ("ozturk" and "YILMAZ" for Öztürk and Yılmaz).
 * Keeps, for every folded character, where it came from, so a match in the folded text
 * marks the same stretch of the answer as written.
 */
export interface FoldedText {
  readonly folded: string
  /** For folded character k: the offset in the original where its letter starts. */
  readonly starts: readonly number[]
  /** For folded character k: the offset in the original after its letter and its marks. */
  readonly ends: readonly number[]
}

const MARKS = /\p{M}/gu

export function foldText(text: string): FoldedText {
  let folded = ''
  const starts: number[] = []
  const ends: number[] = []
  let offset = 0
  for (const char of text) {
    const next = offset + char.length
    const plain = foldChar(char)
    if (plain === '' && ends.length > 0) ends[ends.length - 1] = next
    for (const unit of plain) {
      folded += unit
      starts.push(offset)
      ends.push(next)
    }
    offset = next
  }
  return { folded, starts, ends }
}

export function fold(text: string): string {
  return foldText(text).folded
}

function foldChar(char: string): string {
  if (char < '\u0080') return char.toLowerCase()
  return char.toLocaleLowerCase('nl').normalize('NFD').replace(MARKS, '').replaceAll('ı', 'i')
}
