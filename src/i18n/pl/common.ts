/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { common as nl } from '#src/i18n/nl/common.ts'

export const common: typeof nl = {
  appName: 'Peiling',
  switchLanguage: 'Język',
  skipToContent: 'Przejdź do treści',
  contact: {
    title: 'Pytania? Proszę skontaktować się z: {name}.',
    phone: 'Telefon:',
    email: 'E-mail:',
  },
  footer: {
    privacy: 'Prywatność',
    accessibility: 'Dostępność',
  },
  errors: {
    title: 'Coś poszło nie tak',
    notFound: 'Ta strona nie istnieje.',
    badRequest: 'To zapytanie jest nieprawidłowe. Proszę wrócić i spróbować ponownie.',
    csrf: 'Formularz wygasł. Proszę wrócić, odświeżyć stronę i spróbować jeszcze raz.',
    tooLarge: 'To, co zostało wysłane, jest za duże.',
    server:
      'Wystąpił błąd po naszej stronie. Wcześniejsze odpowiedzi zostały zapisane. Proszę spróbować ponownie za kilka minut.',
    unavailable:
      'Jest teraz bardzo duży ruch albo baza danych jest chwilowo niedostępna. Proszę spróbować ponownie za kilka minut.',
    backHome: 'Do strony startowej',
  },
}
