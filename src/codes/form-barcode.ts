/**
 * What the barcode on each page of a paper form holds: the login code and the page
 * number, so that a loose page (or a scanned one) says whose form it is and where it
 * belongs. Letters and digits only: a keyboard-wedge scanner types them the same on
 * every keyboard layout, where a dash or a slash may come out as another key.
 *
 * The code has a fixed length, so the two digits after it are the page:
 * `K7QXM4TR9C03` is page 3 of the form with code K7QXM-4TR9C.
 */
import { CODE_LENGTH } from './login-code.ts'

const PAGE_DIGITS = 2

/** The barcode text of page `page` (from 1) of the form with normalised code `code`. */
export function formBarcodeText(code: string, page: number): string {
  if (!Number.isInteger(page) || page < 1 || page >= 10 ** PAGE_DIGITS)
    throw new Error(`A paper form page number must be 1 to 99, not ${page}`)
  return `${code}${String(page).padStart(PAGE_DIGITS, '0')}`
}

/** `K7QXM4TR9C03` → code and page; undefined for anything else (such as a code typed by hand). */
export function readFormBarcode(scanned: string): { code: string; page: number } | undefined {
  const compact = scanned.trim().toUpperCase()
  const match = new RegExp(`^([0-9A-Z]{${CODE_LENGTH}})(\\d{${PAGE_DIGITS}})$`).exec(compact)
  if (!match || Number(match[2]) === 0) return undefined
  return { code: match[1]!, page: Number(match[2]) }
}
