/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { letter as nl } from '#src/i18n/nl/letter.ts'

// Polish puts no comma after the closing "Z poważaniem".
export const letter: typeof nl = {
  invitation: {
    subject: 'Prosimy o opinię o Wydziale Pracy i Dochodu',
    body: `Dzień dobry {naam},

chcielibyśmy wiedzieć, co sądzi Pan/Pani o Wydziale Pracy i Dochodu (Werk en Inkomen) gminy {gemeente}. Dlatego prosimy o wypełnienie ankiety. Dzięki tym opiniom możemy lepiej wykonywać naszą pracę.

Wypełnienie ankiety trwa około 15 minut. Można wybrać, jak wziąć udział:
- Przez internet: proszę wejść na stronę {url} i wpisać kod logowania {code}. Można też zeskanować telefonem kod QR w prawym górnym rogu.
- Na papierze: proszę wypełnić ankietę dołączoną do tego listu. Proszę odesłać ją w kopercie zwrotnej. Znaczek nie jest potrzebny.

Ankietę można wypełnić do {sluitingsdatum} włącznie.

Odpowiedzi są anonimowe. Nie wiemy, co Pan/Pani wpisze. Udział jest dobrowolny. Odpowiedzi nie mają wpływu na zasiłek.

Z góry serdecznie dziękujemy za pomoc!

Z poważaniem`,
  },
  reminder: {
    subject: 'Przypomnienie: prosimy o opinię o Wydziale Pracy i Dochodu',
    body: `Dzień dobry {naam},

kilka tygodni temu wysłaliśmy do Pana/Pani list. Prosiliśmy w nim o wypełnienie ankiety o Wydziale Pracy i Dochodu (Werk en Inkomen) gminy {gemeente}.

Ankieta jest już wypełniona? Serdecznie dziękujemy! Nie trzeba nic więcej robić. Ten list można wyrzucić.

Ankieta nie jest jeszcze wypełniona? Prosimy mimo to wziąć udział. Pana/Pani opinia też się liczy. Wypełnienie ankiety trwa około 15 minut. Kod logowania jest taki sam jak w pierwszym liście.
- Przez internet: proszę wejść na stronę {url} i wpisać kod logowania {code}. Można też zeskanować telefonem kod QR w prawym górnym rogu.
- Na papierze: proszę użyć ankiety i koperty zwrotnej z pierwszego listu. Znaczek nie jest potrzebny.

Ankietę można wypełnić do {sluitingsdatum} włącznie.

Odpowiedzi są anonimowe. Nie wiemy, co Pan/Pani wpisze. Udział jest dobrowolny. Odpowiedzi nie mają wpływu na zasiłek.

Z poważaniem`,
  },
  box: {
    date: 'Data',
    reference: 'Nasz znak',
    online: 'Ankieta przez internet:',
    code: 'Kod logowania:',
    scan: 'Można też zeskanować ten kod QR aparatem w telefonie. Wtedy nie trzeba wpisywać kodu.',
  },
  contact: {
    heading: 'Pytania?',
    phone: 'Proszę dzwonić: {phone}',
    email: 'E-mail: {email}',
  },
  privacy: 'Jak postępujemy z Pana/Pani danymi: {url}',
  placeholders: {
    organisation: 'Gmina',
    department: 'Wydział Pracy i Dochodu',
    signatureName: 'Wydział Pracy i Dochodu',
    signatureRole: 'Gmina',
    municipality: 'Gmina {name}',
  },
}
