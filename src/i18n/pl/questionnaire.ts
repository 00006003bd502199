/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { questionnaire as nl } from '#src/i18n/nl/questionnaire.ts'

export const questionnaire: typeof nl = {
  answers: {
    chooseGrade: 'Proszę wybrać ocenę od 1 do 10.',
    chooseOption: 'Proszę wybrać jedną z odpowiedzi.',
    chooseFromOptions: 'Proszę wybrać tylko spośród podanych odpowiedzi.',
    tooManyTickedOne: 'Proszę wybrać 1 odpowiedź.',
    tooManyTicked: 'Proszę wybrać nie więcej niż {max} odpowiedzi.',
    notANumber: 'Proszę wpisać liczbę. Tylko cyfry.',
    outOfRange: 'Proszę wpisać liczbę od {min} do {max}.',
    notText: 'Proszę wpisać tu tekst.',
    tooLong: 'Odpowiedź jest za długa. Można użyć najwyżej {max} znaków. Teraz jest ich {length}.',
    required: 'Proszę odpowiedzieć na to pytanie.',
    rankRange: 'Wpisz numer od 1 do {max}.',
    repeatedRank: 'Numer {rank} został użyty więcej niż raz. Użyj każdego numeru tylko raz.',
    rankGap: 'Brakuje numeru {rank}. Zacznij od 1 i nie pomijaj żadnego numeru.',
    amountRange: 'Wpisz liczbę całkowitą od 0 do {max}.',
    wrongSum: 'Liczby muszą dawać razem {total}. Teraz dają razem {sum}.',
  },
  labels: {
    yes: 'Tak',
    no: 'Nie',
    gradeLowest: 'bardzo źle',
    gradeHighest: 'doskonale',
  },
  codebook: {
    notTicked: 'niezaznaczone',
    ticked: 'zaznaczone',
    notRanked: 'bez numeru',
    otherText: 'wyjaśnienie',
    routing: {
      and: 'i',
      or: 'lub',
      not: 'nie',
      answered: 'udzielono odpowiedzi',
      stratum: 'warstwa',
    },
  },
}
