/**
 * Renders one invitation or reminder e-mail: subject, plain text and HTML. Pure.
 *
 * No images, no tracking pixels, no per-person tracking links: the only personal thing in
 * the message is the code and the link that holds it (`/c/<code>`), which the letter has
 * too. Everything from the database is escaped in the HTML.
 *
 * The texts are in the catalogues (src/i18n/<lang>/email.ts). A client whose language has
 * no e-mail text gets Dutch, as with letters.
 */
import type { Messages, UiLanguage } from '#src/i18n/translate.ts'
import { isUiLanguage, translator } from '#src/i18n/translate.ts'
import { isRightToLeft } from '#src/questionnaire/text.ts'

/** The e-mails there are texts for (the mailing kinds). */
export type EmailKind = keyof Messages['email']

export interface EmailValues {
  /** Name as on an envelope, e.g. "J. van der Meijer". */
  naam: string
  /** The code as printed, e.g. "K7QXM-4TR9C". */
  code: string
  /** The address to type, e.g. "https://peiling.example.nl". */
  url: string
  /** The personal link that signs in, `${url}/c/<code>`. */
  link: string
  /** Formatted in the e-mail's language, e.g. "20 december 2026". */
  sluitingsdatum: string
  gemeente: string
  /** Who signs the e-mail, e.g. "Afdeling Werk en Inkomen, gemeente Hengelo". */
  afzender: string
}

export interface RenderedEmail {
  language: string
  subject: string
  text: string
  html: string
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function fill(text: string, values: EmailValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as keyof EmailValues] : whole,
  )
}

/** The language a client's e-mail is written in: theirs where there are e-mail texts in it, else Dutch. */
export function emailLanguage(language: string): UiLanguage {
  return isUiLanguage(language) ? language : 'nl'
}

export function renderEmail(kind: EmailKind, language: string, values: EmailValues): RenderedEmail {
  const lang = emailLanguage(language)
  const t = translator(lang)
  // Paragraphs are separated by a blank line; a single line break stays inside its paragraph.
  const paragraphs = t(`email.${kind}.body`).split('\n\n')
  const text = `${paragraphs.map((p) => fill(p, values)).join('\n\n')}\n`
  const body = paragraphs
    .map((p) => {
      if (p === '{link}') return `<p><a href="${escapeHtml(values.link)}">${escapeHtml(values.link)}</a></p>`
      return `<p>${escapeHtml(fill(p, values)).replace(/\n/g, '<br>')}</p>`
    })
    .join('\n')
  const subject = fill(t(`email.${kind}.subject`), values)
  const html = `<!doctype html>
<html lang="${lang}" dir="${isRightToLeft(lang) ? 'rtl' : 'ltr'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1b1b1b; max-width: 40em;">
${body}
</body>
</html>
`
  return { language: lang, subject, text, html }
}
