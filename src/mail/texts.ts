/**
 * The invitation and reminder e-mails, in plain language (B1), per language. Dutch is
 * complete; a client whose language has no e-mail text gets Dutch (as with letters).
 *
 * A paragraph is plain text with fields in braces; `{link}` alone on a paragraph
 * becomes the personal link (a clickable link in HTML, the bare address in plain text).
 */
import type { MailingKind } from '#src/server/db/schema.ts'

export interface EmailText {
  subject: string
  paragraphs: string[]
}

type Texts = Record<MailingKind, EmailText>

const nl: Texts = {
  invitation: {
    subject: 'Wat vindt u van Werk en Inkomen?',
    paragraphs: [
      'Beste {naam},',
      'Wij willen graag weten wat u vindt van de afdeling Werk en Inkomen van de gemeente {gemeente}. Wilt u daarvoor een vragenlijst invullen? Het duurt ongeveer 15 minuten.',
      'Klik op deze link om te beginnen:',
      '{link}',
      'Werkt de link niet? Ga dan naar {url} en typ uw inlogcode: {code}',
      'U krijgt ook een brief met een papieren vragenlijst. U hoeft maar één keer mee te doen: op internet of op papier.',
      'Wilt u de vragenlijst invullen vóór {sluitingsdatum}?',
      'Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.',
      'Met vriendelijke groet,\n{afzender}',
    ],
  },
  reminder: {
    subject: 'Herinnering: wat vindt u van Werk en Inkomen?',
    paragraphs: [
      'Beste {naam},',
      'Kort geleden vroegen wij u om een vragenlijst in te vullen over de afdeling Werk en Inkomen van de gemeente {gemeente}.',
      'Heeft u al meegedaan? Dan kunt u deze e-mail vergeten. Hartelijk dank!',
      'Nog niet meegedaan? Doe dan alsnog mee. Ook uw mening is belangrijk. Klik op deze link om te beginnen:',
      '{link}',
      'Werkt de link niet? Ga dan naar {url} en typ uw inlogcode: {code}',
      'Wilt u de vragenlijst invullen vóór {sluitingsdatum}?',
      'Uw antwoorden zijn anoniem. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.',
      'Met vriendelijke groet,\n{afzender}',
    ],
  },
}

const en: Texts = {
  invitation: {
    subject: 'What do you think of Work and Income?',
    paragraphs: [
      'Dear {naam},',
      'We would like to know what you think of the Work and Income department of the municipality of {gemeente}. Would you fill in a questionnaire? It takes about 15 minutes.',
      'Click this link to start:',
      '{link}',
      'Does the link not work? Go to {url} and type your login code: {code}',
      'You will also receive a letter with a paper questionnaire. You only need to take part once: online or on paper.',
      'Please fill in the questionnaire before {sluitingsdatum}.',
      'Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.',
      'Kind regards,\n{afzender}',
    ],
  },
  reminder: {
    subject: 'Reminder: what do you think of Work and Income?',
    paragraphs: [
      'Dear {naam},',
      'Recently we asked you to fill in a questionnaire about the Work and Income department of the municipality of {gemeente}.',
      'Have you already taken part? Then you can forget about this e-mail. Thank you very much!',
      'Not yet? Please still take part. Your opinion matters too. Click this link to start:',
      '{link}',
      'Does the link not work? Go to {url} and type your login code: {code}',
      'Please fill in the questionnaire before {sluitingsdatum}.',
      'Your answers are anonymous. Taking part is voluntary. Your answers have no effect on your benefit.',
      'Kind regards,\n{afzender}',
    ],
  },
}

export const EMAIL_TEXTS: Record<string, Texts> = { nl, en }

export function emailLanguage(language: string): string {
  return Object.hasOwn(EMAIL_TEXTS, language) ? language : 'nl'
}
