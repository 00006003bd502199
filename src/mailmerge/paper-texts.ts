/**
 * The fixed texts of the printed questionnaire, in plain language (B1). Other languages
 * fall back to Dutch, like the questionnaire texts themselves.
 */
import type { LangText } from '#src/questionnaire/definition.ts'
import { localize } from '#src/questionnaire/text.ts'

export const PAPER_TEXTS = {
  howTo: { nl: 'Zo vult u de vragenlijst in', en: 'How to fill in the questionnaire' },
  howToSteps: {
    nl: [
      'Zet een kruisje (X) in het hokje van het antwoord dat bij u past.',
      'Kies één antwoord, tenzij er staat dat u meer antwoorden mag kiezen.',
      'Verkeerd hokje aangekruist? Maak dat hokje dan helemaal zwart. Zet daarna een kruisje in het goede hokje.',
      'Soms mag u een vraag overslaan. Bij het antwoord staat dan naar welke vraag u moet gaan.',
      'Klaar? Stuur de vragenlijst terug in de antwoordenvelop. Een postzegel is niet nodig.',
    ].join('\n'),
    en: [
      'Put a cross (X) in the box of the answer that fits you.',
      'Choose one answer, unless it says you may choose more.',
      'Ticked the wrong box? Then fill that box in completely. Then put a cross in the right box.',
      'Sometimes you may skip a question. The answer then says which question to go to.',
      'Done? Send the questionnaire back in the reply envelope. You do not need a stamp.',
    ].join('\n'),
  },
  code: { nl: 'Code', en: 'Code' },
  page: { nl: 'Pagina {x} van {y}', en: 'Page {x} of {y}' },
  turnOver: { nl: 'Ga verder op de volgende pagina ►', en: 'Continue on the next page ►' },
  end: { nl: 'Einde van de vragenlijst', en: 'End of the questionnaire' },
  blank: { nl: 'Deze pagina is leeg.', en: 'This page is blank.' },
  multiple: { nl: 'U mag meer antwoorden kiezen.', en: 'You may choose more than one answer.' },
  multipleMax: { nl: 'U mag hoogstens {max} antwoorden kiezen.', en: 'You may choose up to {max} answers.' },
  gridHint: { nl: 'Zet op elke regel één kruisje.', en: 'Put one cross on each line.' },
  gradeHint: { nl: '1 = zeer slecht, 10 = uitstekend', en: '1 = very poor, 10 = excellent' },
  numberHint: { nl: 'Vul een getal in van {min} tot en met {max}.', en: 'Fill in a number from {min} to {max}.' },
  onlyIf: { nl: 'Alleen invullen als {condition}.', en: 'Only answer this if {condition}.' },
  goTo: { nl: 'Ga door naar vraag {number}', en: 'Go to question {number}' },
  goToEnd: { nl: 'Ga door naar het einde van de vragenlijst', en: 'Go to the end of the questionnaire' },
} satisfies Record<string, LangText>

/** Words that join routing conditions into a sentence. */
export const ROUTING_PHRASES = {
  chose: { nl: 'u bij vraag {number} {labels} heeft gekozen', en: 'you chose {labels} at question {number}' },
  /** An answer other than these (so the question was answered). */
  choseOther: {
    nl: 'u bij vraag {number} iets anders dan {labels} heeft gekozen',
    en: 'you chose something other than {labels} at question {number}',
  },
  /** Not these answers, or no answer at all. */
  didNotChoose: {
    nl: 'u bij vraag {number} niet {labels} heeft gekozen',
    en: 'you did not choose {labels} at question {number}',
  },
  ticked: { nl: 'u bij vraag {number} {labels} heeft aangekruist', en: 'you ticked {labels} at question {number}' },
  notTicked: {
    nl: 'u bij vraag {number} {labels} niet heeft aangekruist',
    en: 'you did not tick {labels} at question {number}',
  },
  answered: { nl: 'u vraag {number} heeft beantwoord', en: 'you answered question {number}' },
  notAnswered: { nl: 'u vraag {number} niet heeft beantwoord', en: 'you did not answer question {number}' },
  livesIn: { nl: 'u in {places} woont', en: 'you live in {places}' },
  notLivesIn: { nl: 'u niet in {places} woont', en: 'you do not live in {places}' },
  and: { nl: 'en', en: 'and' },
  or: { nl: 'of', en: 'or' },
  not: { nl: 'het niet zo is dat {condition}', en: 'it is not the case that {condition}' },
} satisfies Record<string, LangText>

/** `localize` plus `{name}` placeholders. */
export function paperText(text: LangText, lang: string, values: Record<string, string | number> = {}): string {
  return localize(text, lang).replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  )
}
