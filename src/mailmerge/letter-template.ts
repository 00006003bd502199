/**
 * What staff configure for a mailing: the sender, the signature, the texts per language
 * and where the address must land for the window envelope. One template drives every
 * letter of a batch; the per-person data is `LetterData` (letter.ts).
 */
import type { UiLanguage } from '#src/i18n/translate.ts'
import { translator, UI_LANGUAGES } from '#src/i18n/translate.ts'

export type LetterKind = 'invitation' | 'reminder'

export interface LetterSender {
  organisation: string
  department?: string
  /** Printed in the letterhead, e.g. ["Postbus 18", "7550 AA Hengelo", "Telefoon 14 074"]. */
  addressLines: string[]
  /**
   * One short line printed small at the top of the address window ("Retouradres: Postbus
   * 18, 7550 AA Hengelo"), so PostNL can return undeliverable letters unopened.
   */
  returnAddress?: string
  /** Where clients can ask questions: shown on every page of the questionnaire site, beside the logo. */
  phone?: string
  email?: string
  /** When the phone is answered, printed with it, e.g. "maandag tot en met vrijdag 9.00–12.00 uur". */
  openingHours?: string
  /**
   * Where the paper questionnaire goes back, postage paid: the business reply address
   * ("antwoordnummer") printed on the first and last page of the paper form, e.g.
   * ["Gemeente Hengelo", "Antwoordnummer 1234", "7550 VB Hengelo"].
   */
  replyAddress?: string[]
}

export interface LetterBody {
  /** May hold merge fields too. */
  subject: string
  /**
   * Merge fields `{naam}` `{code}` `{url}` `{sluitingsdatum}` `{gemeente}`. Paragraphs are
   * separated by a blank line; a line starting with "- " is a bullet. The salutation
   * ("Beste {naam},") and the closing ("Met vriendelijke groet,") belong to the body, so
   * every language words them its own way; the signature follows the body.
   */
  body: string
  /**
   * The phone's opening hours in this language; without it the letter prints the Dutch
   * ones (LetterSender.openingHours). Not used for Dutch.
   */
  openingHours?: string
}

/** Millimetres from the top-left corner of the A4 sheet. */
export interface AddressWindow {
  leftMm: number
  topMm: number
  widthMm: number
  heightMm: number
}

export interface LetterTemplate {
  kind: LetterKind
  sender: LetterSender
  /** PNG or JPEG, printed top left within 50 × 22 mm, keeping its proportions. */
  logo?: Buffer
  /** The signatory: a person's name and function, not a department. */
  signature: { name: string; role: string }
  /** "Ons kenmerk": the municipality's reference for the mailing, which clients quote when they call. */
  reference?: string
  /** The date printed on the letter, YYYY-MM-DD; staff set it to the day the letters go out. */
  letterDate?: string
  /** Texts per language code; Dutch is required and used for any language without a text. */
  bodies: { nl: LetterBody; [language: string]: LetterBody }
  addressWindow: AddressWindow
}

/**
 * The window of the envelope that Dutch municipalities use for an A4 letter folded in
 * three: EA5/6 (110 × 220 mm, the Dutch name for DIN lang) "venster links". Its window is
 * 90 × 45 mm, 20 mm from the left and 15 mm from the bottom edge, so 50 mm from the top;
 * the top third of the letter lies against the top of the envelope. The letter prints
 * the address a few millimetres inside the window (see letter.ts), because a folded
 * sheet shifts in its envelope.
 */
export const DEFAULT_ADDRESS_WINDOW: AddressWindow = { leftMm: 20, topMm: 50, widthMm: 90, heightMm: 45 }

/**
 * A complete template with the default texts of the KTO in every language a client can be
 * served in (the catalogues' `letter.invitation` and `letter.reminder`). Sender and
 * signature are placeholders for staff to fill in.
 */
export function defaultTemplate(kind: LetterKind): LetterTemplate {
  const nl = translator('nl')
  const bodyIn = (language: UiLanguage): LetterBody => {
    const t = translator(language)
    return { subject: t(`letter.${kind}.subject`), body: t(`letter.${kind}.body`) }
  }
  return {
    kind,
    sender: {
      organisation: nl('letter.placeholders.organisation'),
      department: nl('letter.placeholders.department'),
      addressLines: [],
    },
    signature: { name: nl('letter.placeholders.signatureName'), role: nl('letter.placeholders.signatureRole') },
    bodies: { nl: bodyIn('nl'), ...Object.fromEntries(UI_LANGUAGES.map((language) => [language, bodyIn(language)])) },
    addressWindow: { ...DEFAULT_ADDRESS_WINDOW },
  }
}

/** The language a letter is printed in: the client's where the template has that text, else Dutch. */
export function letterLanguage(template: LetterTemplate, language: string): string {
  return Object.hasOwn(template.bodies, language) && template.bodies[language] ? language : 'nl'
}
