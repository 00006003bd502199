/**
 * The default letter texts of the KTO, in plain language (taalniveau B1): short
 * sentences, "u", one message per paragraph. Many clients read Dutch with difficulty and
 * depend on the municipality for their income, so the letter says early and plainly that
 * answers are anonymous and have no effect on their benefit.
 */
import type { LetterBody, LetterKind } from './letter-template.ts'

type Texts = { nl: LetterBody; en: LetterBody }

const INVITATION: Texts = {
  nl: {
    subject: 'Wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Wij willen graag weten wat u vindt van de afdeling Werk en Inkomen van de gemeente {gemeente}. Daarom vragen wij u om een vragenlijst in te vullen. Met uw mening kunnen wij ons werk beter doen.

Het invullen duurt ongeveer 15 minuten. U kiest zelf hoe u meedoet:
- Op internet: ga naar {url} en typ uw inlogcode {code} in. Of scan de QR-code rechtsboven met uw telefoon.
- Op papier: vul de vragenlijst in die bij deze brief zit. Stuur hem terug in de antwoordenvelop. Een postzegel is niet nodig.

Wilt u de vragenlijst invullen vóór {sluitingsdatum}?

Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Alvast hartelijk dank voor uw hulp!

Met vriendelijke groet,`,
  },
  en: {
    subject: 'What do you think of Work and Income?',
    body: `Dear {naam},

We would like to know what you think of the Work and Income department of the municipality of {gemeente}. That is why we ask you to fill in a questionnaire. Your opinion helps us do our work better.

Filling in the questionnaire takes about 15 minutes. You choose how you take part:
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: fill in the questionnaire that came with this letter. Send it back in the reply envelope. You do not need a stamp.

Please fill in the questionnaire before {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Thank you very much for your help!

Kind regards,`,
  },
}

const REMINDER: Texts = {
  nl: {
    subject: 'Herinnering: wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Kort geleden kreeg u een brief van ons. Wij vroegen u om een vragenlijst in te vullen over de afdeling Werk en Inkomen van de gemeente {gemeente}.

Heeft u de vragenlijst al ingevuld? Dan kunt u deze brief vergeten. Hartelijk dank!

Nog niet ingevuld? Doe dan alsnog mee. Ook uw mening is belangrijk. Het invullen duurt ongeveer 15 minuten.
- Op internet: ga naar {url} en typ uw inlogcode {code} in. Of scan de QR-code rechtsboven met uw telefoon.
- Op papier: gebruik de vragenlijst en de antwoordenvelop uit de eerste brief. Een postzegel is niet nodig.

Wilt u de vragenlijst invullen vóór {sluitingsdatum}?

Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Met vriendelijke groet,`,
  },
  en: {
    subject: 'Reminder: what do you think of Work and Income?',
    body: `Dear {naam},

Recently we sent you a letter. We asked you to fill in a questionnaire about the Work and Income department of the municipality of {gemeente}.

Have you already filled in the questionnaire? Then you can forget about this letter. Thank you very much!

Not filled in yet? Please still take part. Your opinion matters too. Filling in the questionnaire takes about 15 minutes.
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: use the questionnaire and the reply envelope from the first letter. You do not need a stamp.

Please fill in the questionnaire before {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Kind regards,`,
  },
}

export const DEFAULT_LETTER_TEXTS: Record<LetterKind, Texts> = { invitation: INVITATION, reminder: REMINDER }
