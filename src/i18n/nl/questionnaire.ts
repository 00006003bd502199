/**
 * Texts the questionnaire engine supplies itself, because no definition spells them out.
 * `answers`: messages for respondents and typists about their answers, in plain language
 * (B1): short sentences that say what to do, not what went wrong inside the system.
 * `labels`: the yes/no options and the ends of the 1–10 grade (as printed on the paper
 * form). `codebook`: the words used in the codebook and the export.
 */
export const questionnaire = {
  answers: {
    chooseGrade: 'Kies een cijfer van 1 tot en met 10.',
    chooseOption: 'Kies een van de antwoorden.',
    chooseFromOptions: 'Kies alleen uit de antwoorden die er staan.',
    tooManyTickedOne: 'Kies 1 antwoord.',
    tooManyTicked: 'Kies niet meer dan {max} antwoorden.',
    notANumber: 'Vul een getal in. Gebruik alleen cijfers.',
    outOfRange: 'Vul een getal in van {min} tot en met {max}.',
    notText: 'Vul hier tekst in.',
    tooLong: 'Uw antwoord is te lang. U kunt {max} tekens gebruiken. Nu zijn het er {length}.',
    required: 'Beantwoord deze vraag.',
    rankRange: 'Vul een nummer in van 1 tot en met {max}.',
    repeatedRank: 'U heeft nummer {rank} vaker dan één keer gebruikt. Gebruik elk nummer maar één keer.',
    rankGap: 'Nummer {rank} ontbreekt. Begin bij 1 en sla geen nummer over.',
    amountRange: 'Vul een heel getal in van 0 tot en met {max}.',
    wrongSum: 'De getallen moeten samen {total} zijn. Nu zijn ze samen {sum}.',
  },
  labels: {
    yes: 'Ja',
    no: 'Nee',
    gradeLowest: 'zeer slecht',
    gradeHighest: 'uitstekend',
  },
  codebook: {
    /** Value labels of the 0/1 variables a multiple-choice question exports. */
    notTicked: 'niet aangekruist',
    ticked: 'aangekruist',
    /** Value label of a ranking item that got no rank in an answered ranking. */
    notRanked: 'geen nummer gekregen',
    /** Appended to the label of the "anders, namelijk" text variable. */
    otherText: 'toelichting',
    /** Words in the human-readable routing of the codebook. */
    routing: {
      and: 'en',
      or: 'of',
      not: 'niet',
      answered: 'beantwoord',
      stratum: 'stratum',
    },
  },
}
