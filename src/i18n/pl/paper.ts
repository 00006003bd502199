/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { paper as nl } from '#src/i18n/nl/paper.ts'

// The routing phrases are impersonal ("wybrano": was chosen), so that they need no
// "Pan/Pani" and read as one sentence after `onlyIf`'s "gdy".
export const paper: typeof nl = {
  howTo: 'Jak wypełnić ankietę',
  howToSteps: `Proszę postawić krzyżyk (X) w kratce przy odpowiedzi, która pasuje.
Proszę wybrać jedną odpowiedź, chyba że jest napisane, że można wybrać więcej.
Zaznaczono złą kratkę? Proszę całkowicie zamalować tę kratkę. Potem proszę postawić krzyżyk we właściwej kratce.
Czasem można pominąć pytanie. Przy odpowiedzi jest wtedy napisane, do którego pytania przejść.
Gotowe? Proszę odesłać ankietę w kopercie zwrotnej. Znaczek nie jest potrzebny.`,
  code: 'Kod',
  page: 'Strona {x} z {y}',
  turnOver: 'Ciąg dalszy na następnej stronie ►',
  end: 'Koniec ankiety',
  blank: 'Ta strona jest pusta.',
  returnBy: 'Proszę odesłać ankietę w kopercie zwrotnej najpóźniej do {date}.',
  returnAny: 'Proszę odesłać ankietę w kopercie zwrotnej.',
  noStamp: 'Znaczek nie jest potrzebny.',
  replyAddress: 'Nie ma Pan/Pani koperty zwrotnej? Proszę napisać ten adres na kopercie:',
  multiple: 'Można wybrać więcej odpowiedzi.',
  multipleMax: 'Można wybrać najwyżej {max} odpowiedzi.',
  gridHint: 'Proszę postawić jeden krzyżyk w każdym wierszu.',
  gradeHint: '1 = bardzo źle, 10 = doskonale',
  numberHint: 'Proszę wpisać liczbę od {min} do {max}.',
  rankingHint:
    'Proszę wpisać 1 przy tym, co jest na pierwszym miejscu, 2 przy tym, co jest następne, i tak dalej aż do {max}. Każdy numer tylko raz.',
  constantSumHint:
    'Proszę rozdzielić {total} między te punkty. Proszę wpisać liczbę przy każdym punkcie. Razem musi to dać dokładnie {total}.',
  sumTotal: 'Razem',
  onlyIf: 'Proszę odpowiedzieć tylko wtedy, gdy {condition}.',
  goTo: 'Proszę przejść do pytania {number}',
  goToEnd: 'Proszę przejść na koniec ankiety',
  routing: {
    chose: 'w pytaniu {number} wybrano {labels}',
    choseOther: 'w pytaniu {number} wybrano inną odpowiedź niż {labels}',
    didNotChoose: 'w pytaniu {number} nie wybrano {labels}',
    ticked: 'w pytaniu {number} zaznaczono {labels}',
    notTicked: 'w pytaniu {number} nie zaznaczono {labels}',
    answered: 'udzielono odpowiedzi na pytanie {number}',
    notAnswered: 'nie udzielono odpowiedzi na pytanie {number}',
    livesIn: 'miejscem zamieszkania jest gmina {places}',
    notLivesIn: 'miejscem zamieszkania nie jest gmina {places}',
    and: 'i',
    or: 'lub',
    not: 'nie jest prawdą, że {condition}',
  },
}
