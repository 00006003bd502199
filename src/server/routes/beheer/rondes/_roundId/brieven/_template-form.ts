/** The letter template editor's form: field names in the page, TemplateContent in the service. */
import type { Translate } from '#src/i18n/translate.ts'
import { isMessageKey, UI_LANGUAGES } from '#src/i18n/translate.ts'
import type { LetterBody } from '#src/mailmerge/index.ts'
import type { TemplateContent, TemplateProblem } from '#src/server/services/fieldwork/letter-templates.ts'
import type { UploadBody } from '#src/server/http/upload-form.ts'
import { field } from '#src/server/http/upload-form.ts'

/**
 * Languages the editor offers: every language a client can be served in (the default
 * template has a text in each, which saving must not drop), then the questionnaire's others.
 */
export function editorLanguages(questionnaireLanguages: string[]): string[] {
  return [...new Set([...UI_LANGUAGES, ...questionnaireLanguages])]
}

function millimetres(text: string): number {
  const value = Number(text.trim().replace(',', '.'))
  return text.trim() === '' ? NaN : value
}

export function readTemplateForm(body: UploadBody | undefined, languages: string[]): TemplateContent {
  const get = (name: string) => field(body, name).replace(/\r\n?/g, '\n')
  const bodies: Record<string, LetterBody> = {}
  for (const language of languages) {
    const subject = get(`onderwerp-${language}`).trim()
    const text = get(`tekst-${language}`).trim()
    const hours = language === 'nl' ? '' : get(`openingstijden-${language}`).trim()
    // Another language may be left empty: its readers then get the Dutch letter.
    if (language === 'nl' || subject || text)
      bodies[language] = { subject, body: text, ...(hours ? { openingHours: hours } : {}) }
  }
  const returnAddress = get('retouradres').trim()
  const department = get('afdeling').trim()
  const phone = get('telefoon').trim()
  const email = get('e-mail').trim()
  const openingHours = get('openingstijden').trim()
  const reference = get('kenmerk').trim()
  const letterDate = get('briefdatum').trim()
  const lines = (name: string) =>
    get(name)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  const replyAddress = lines('antwoordadres')
  return {
    sender: {
      organisation: get('organisatie').trim(),
      ...(department ? { department } : {}),
      addressLines: lines('adresregels'),
      ...(returnAddress ? { returnAddress } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(openingHours ? { openingHours } : {}),
      ...(replyAddress.length > 0 ? { replyAddress } : {}),
    },
    signature: { name: get('ondertekening-naam').trim(), role: get('ondertekening-functie').trim() },
    ...(reference ? { reference } : {}),
    ...(letterDate ? { letterDate } : {}),
    bodies: { nl: bodies.nl ?? { subject: '', body: '' }, ...bodies },
    addressWindow: {
      leftMm: millimetres(get('venster-links')),
      topMm: millimetres(get('venster-boven')),
      widthMm: millimetres(get('venster-breedte')),
      heightMm: millimetres(get('venster-hoogte')),
    },
  }
}

/** The form's values for a template (what the page shows in its fields). */
export function templateFormValues(content: TemplateContent, languages: string[]) {
  return {
    organisation: content.sender.organisation,
    department: content.sender.department ?? '',
    addressLines: content.sender.addressLines.join('\n'),
    returnAddress: content.sender.returnAddress ?? '',
    phone: content.sender.phone ?? '',
    email: content.sender.email ?? '',
    openingHours: content.sender.openingHours ?? '',
    replyAddress: (content.sender.replyAddress ?? []).join('\n'),
    reference: content.reference ?? '',
    letterDate: content.letterDate ?? '',
    signatureName: content.signature.name,
    signatureRole: content.signature.role,
    bodies: languages.map((language) => ({
      language,
      subject: content.bodies[language]?.subject ?? '',
      body: content.bodies[language]?.body ?? '',
      openingHours: content.bodies[language]?.openingHours ?? '',
    })),
    window: {
      leftMm: Number.isFinite(content.addressWindow.leftMm) ? String(content.addressWindow.leftMm) : '',
      topMm: Number.isFinite(content.addressWindow.topMm) ? String(content.addressWindow.topMm) : '',
      widthMm: Number.isFinite(content.addressWindow.widthMm) ? String(content.addressWindow.widthMm) : '',
      heightMm: Number.isFinite(content.addressWindow.heightMm) ? String(content.addressWindow.heightMm) : '',
    },
  }
}

/** Problems keyed by form field (the field's id in the page), and a summary with links, texts translated. */
export function problemsByField(problems: TemplateProblem[], t: Translate) {
  const byField: Record<string, string[]> = {}
  const summary: Array<{ anchor: string; text: string }> = []
  for (const p of problems) {
    const message = t(`fieldwork.letters.template.problems.${p.key}`, p.params)
    ;(byField[p.field] ??= []).push(message)
    const [base, rest] = p.field.startsWith('window-')
      ? [p.field.slice('window-'.length), '']
      : [p.field.split('-')[0]!, p.field.split('-')[1] ?? '']
    // The field's name is read back from its id ("subject-en", "window-leftMm").
    const key = `fieldwork.letters.template.fields.${base}`
    const label = (isMessageKey(key) ? t(key) : base) + (rest ? ` (${rest})` : '')
    summary.push({ anchor: p.field, text: `${label}: ${message}` })
  }
  return { byField, summary }
}
