/**
 * The fixed texts of the printed questionnaire, in plain language (B1). A questionnaire in
 * a language without these texts gets the Dutch ones, like its own texts. `routing` holds
 * the words that join routing conditions into a sentence ("Alleen invullen als …").
 */
export const paper = {
  howTo: 'Zo vult u de vragenlijst in',
  howToSteps: `Zet een kruisje (X) in het hokje van het antwoord dat bij u past.
Kies één antwoord, tenzij er staat dat u meer antwoorden mag kiezen.
Verkeerd hokje aangekruist? Maak dat hokje dan helemaal zwart. Zet daarna een kruisje in het goede hokje.
Soms mag u een vraag overslaan. Bij het antwoord staat dan naar welke vraag u moet gaan.
Klaar? Stuur de vragenlijst terug in de antwoordenvelop. Een postzegel is niet nodig.`,
  code: 'Code',
  page: 'Pagina {x} van {y}',
  turnOver: 'Ga verder op de volgende pagina ►',
  end: 'Einde van de vragenlijst',
  blank: 'Deze pagina is leeg.',
  /** On the first and last page; {date} is the round's last day, so "uiterlijk" (at the latest) and not "vóór". */
  returnBy: 'Stuur de vragenlijst uiterlijk {date} terug in de antwoordenvelop.',
  returnAny: 'Stuur de vragenlijst terug in de antwoordenvelop.',
  noStamp: 'Een postzegel is niet nodig.',
  replyAddress: 'Geen antwoordenvelop meer? Schrijf dan dit adres op een envelop:',
  multiple: 'U mag meer antwoorden kiezen.',
  multipleMax: 'U mag hoogstens {max} antwoorden kiezen.',
  gridHint: 'Zet op elke regel één kruisje.',
  gradeHint: '1 = zeer slecht, 10 = uitstekend',
  numberHint: 'Vul een getal in van {min} tot en met {max}.',
  rankingHint:
    'Schrijf 1 bij wat voor u het eerst komt, 2 bij wat daarna komt, en zo verder tot en met {max}. Gebruik elk nummer maar één keer.',
  constantSumHint:
    'Verdeel {total} over deze onderdelen. Schrijf bij elk onderdeel een getal. Samen moet het precies {total} zijn.',
  sumTotal: 'Samen',
  onlyIf: 'Alleen invullen als {condition}.',
  goTo: 'Ga door naar vraag {number}',
  goToEnd: 'Ga door naar het einde van de vragenlijst',
  routing: {
    chose: 'u bij vraag {number} {labels} heeft gekozen',
    /** An answer other than these (so the question was answered). */
    choseOther: 'u bij vraag {number} iets anders dan {labels} heeft gekozen',
    /** Not these answers, or no answer at all. */
    didNotChoose: 'u bij vraag {number} niet {labels} heeft gekozen',
    ticked: 'u bij vraag {number} {labels} heeft aangekruist',
    notTicked: 'u bij vraag {number} {labels} niet heeft aangekruist',
    answered: 'u vraag {number} heeft beantwoord',
    notAnswered: 'u vraag {number} niet heeft beantwoord',
    livesIn: 'u in {places} woont',
    notLivesIn: 'u niet in {places} woont',
    and: 'en',
    or: 'of',
    not: 'het niet zo is dat {condition}',
  },
}
