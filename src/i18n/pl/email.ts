/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { email as nl } from '#src/i18n/nl/email.ts'

// Polish puts no comma after the closing "Z poważaniem".
export const email: typeof nl = {
  invitation: {
    subject: 'Prosimy o opinię o Wydziale Pracy i Dochodu',
    body: `Dzień dobry {naam},

chcielibyśmy wiedzieć, co sądzi Pan/Pani o Wydziale Pracy i Dochodu (Werk en Inkomen) gminy {gemeente}. Prosimy o wypełnienie ankiety. Zajmie to około 15 minut.

Aby rozpocząć, proszę kliknąć ten link:

{link}

Link nie działa? Proszę wejść na stronę {url} i wpisać kod logowania: {code}

Otrzyma Pan/Pani także list z ankietą papierową. Wystarczy wziąć udział jeden raz: przez internet albo na papierze.

Ankietę można wypełnić do {sluitingsdatum} włącznie.

Odpowiedzi są anonimowe. Nie wiemy, co Pan/Pani wpisze. Udział jest dobrowolny. Odpowiedzi nie mają wpływu na zasiłek.

Z poważaniem
{afzender}`,
  },
  reminder: {
    subject: 'Przypomnienie: prosimy o opinię o Wydziale Pracy i Dochodu',
    body: `Dzień dobry {naam},

niedawno poprosiliśmy o wypełnienie ankiety o Wydziale Pracy i Dochodu (Werk en Inkomen) gminy {gemeente}.

Ankieta jest już wypełniona? W takim razie prosimy nie zwracać uwagi na tę wiadomość. Serdecznie dziękujemy!

Ankieta nie jest jeszcze wypełniona? Prosimy wziąć udział. Pana/Pani opinia też jest ważna. Aby rozpocząć, proszę kliknąć ten link:

{link}

Link nie działa? Proszę wejść na stronę {url} i wpisać kod logowania: {code}

Ankietę można wypełnić do {sluitingsdatum} włącznie.

Odpowiedzi są anonimowe. Udział jest dobrowolny. Odpowiedzi nie mają wpływu na zasiłek.

Z poważaniem
{afzender}`,
  },
}
