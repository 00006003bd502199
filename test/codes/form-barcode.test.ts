import { describe, expect, it } from 'vitest'
import { formBarcodeText, readFormBarcode } from '#src/codes/form-barcode.ts'
import { generateLoginCode, parseLoginCode } from '#src/codes/login-code.ts'

describe('form barcodes', () => {
  it('hold the code and the page, and read back to both', () => {
    const code = generateLoginCode()
    expect(formBarcodeText(code, 3)).toBe(`${code}03`)
    expect(readFormBarcode(formBarcodeText(code, 12))).toEqual({ code, page: 12 })
    expect(parseLoginCode(readFormBarcode(formBarcodeText(code, 1))!.code)).toEqual({ ok: true, code })
  })

  it('are not mistaken for a code typed by hand, with or without its dash', () => {
    const code = generateLoginCode()
    expect(readFormBarcode(code)).toBeUndefined()
    expect(readFormBarcode(`${code.slice(0, 5)}-${code.slice(5)}`)).toBeUndefined()
    expect(readFormBarcode(`${code}00`)).toBeUndefined()
  })

  it('refuse a page number that does not fit two digits', () => {
    expect(() => formBarcodeText('K7QXM4TR9C', 0)).toThrow()
    expect(() => formBarcodeText('K7QXM4TR9C', 100)).toThrow()
  })
})
