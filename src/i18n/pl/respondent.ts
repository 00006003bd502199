/**
 * DRAFT translation (Polish), written by the Peiling team from the Dutch texts (the
 * English used to check meaning). Not yet checked by a translator: have it reviewed
 * before it is treated as final. Instructions use "Proszę …" and impersonal forms, as
 * Polish public-service texts do; "Pan/Pani" only where a sentence needs a person.
 */
import type { respondent as nl } from '#src/i18n/nl/respondent.ts'

export const respondent: typeof nl = {
  login: {
    title: 'Ankieta o naszych usługach',
    intro: 'Prosimy o opinię o naszych usługach. Wypełnienie ankiety trwa około 15 minut.',
    anonymous: 'Odpowiedzi są anonimowe. Gmina nie widzi, co zostało wpisane. Odpowiedzi nie mają wpływu na zasiłek.',
    genuine:
      'Czy ta strona jest prawdziwa? Proszę sprawdzić, czy na górze przeglądarki widać adres {address}. Ten sam adres jest w liście.',
    codeLabel: 'Kod logowania',
    codeHint: 'Kod jest w liście. Na przykład: K7QXM-4TR9C. Wielkie litery i myślniki nie są potrzebne.',
    submit: 'Rozpocznij ankietę',
    paperHint: 'Można też wypełnić ankietę papierową i odesłać ją bezpłatnie w kopercie zwrotnej.',
  },
  codeErrors: {
    empty: 'Proszę wpisać kod logowania z listu.',
    length: 'Kod ma 10 znaków (litery i cyfry). Proszę sprawdzić kod w liście.',
    character:
      'W kodzie są tylko cyfry od 2 do 9 i litery. Liter O, I i L nie ma w kodzie. Proszę sprawdzić kod w liście.',
    check: 'Ten kod jest nieprawidłowy. Prawdopodobnie jest w nim literówka. Proszę sprawdzić kod w liście.',
    unknown: 'Nie znamy tego kodu. Proszę sprawdzić kod w liście.',
    tooMany: 'Błędny kod został wpisany zbyt wiele razy. Proszę spróbować ponownie za {minutes} min.',
    tooManyOneMinute: 'Błędny kod został wpisany zbyt wiele razy. Proszę spróbować ponownie za 1 minutę.',
  },
  round: {
    notOpenTitle: 'Ankieta nie jest jeszcze otwarta',
    notOpen: 'Ankietę można wypełnić od {opens} do {closes} włącznie.',
    closedTitle: 'Ankieta jest zamknięta',
    closed: 'Ankietę można było wypełnić do {closes} włącznie. Dziękujemy za zainteresowanie.',
  },
  form: {
    progress: 'Część {current} z {total}',
    previous: 'Wstecz',
    next: 'Dalej',
    toReview: 'Do podsumowania',
    resumeHint:
      'Można przerwać i dokończyć później. Wystarczy zalogować się ponownie tym samym kodem, także na innym telefonie lub komputerze.',
    errorSummary: 'Coś nie zostało wypełnione prawidłowo:',
    gridPart: 'Liczba stron tego pytania: {total}. To jest strona {current}.',
    aboutQuestionnaire: 'O tej ankiecie',
    gradeLow: 'bardzo źle',
    gradeHigh: 'doskonale',
    yes: 'Tak',
    no: 'Nie',
    otherSpecify: 'Proszę podać:',
    chooseAtMost: 'Proszę wybrać najwyżej {max}.',
    chooseAny: 'Można wybrać więcej niż jedną odpowiedź.',
    numberRange: 'Liczba od {min} do {max}.',
    rankingHint:
      'Wpisz 1 przy tym, co jest dla Ciebie na pierwszym miejscu, 2 przy tym, co jest następne, i tak dalej. Używaj numerów od 1 do {max}. Każdy numer tylko raz.',
    rankNone: 'Bez numeru',
    constantSumHint: 'Rozdziel {total} między te punkty. Razem musi to dać dokładnie {total}.',
    constantSumNow: 'Teraz razem: {sum} z {total}.',
    signOut: 'Przerwij i dokończ później',
  },
  review: {
    title: 'Podsumowanie',
    intro:
      'To już prawie koniec. Proszę sprawdzić poniżej, czy wypełniono wszystko, co miało być wypełnione. Potem proszę wysłać odpowiedzi.',
    allAnswered: 'Odpowiedziano na wszystkie pytania.',
    unanswered:
      'Na te pytania nie ma jeszcze odpowiedzi. Tak może zostać. Aby jednak na nie odpowiedzieć, proszę kliknąć pytanie.',
    requiredOpen: 'Na te pytania trzeba odpowiedzieć przed wysłaniem. Proszę kliknąć pytanie.',
    requiredRefused:
      'Odpowiedzi nie zostały jeszcze wysłane. Najpierw proszę odpowiedzieć na te pytania. Proszę kliknąć pytanie.',
    answersTitle: 'Odpowiedzi',
    answeredCount: 'odpowiedzi: {count}',
    change: 'Zmień',
    changeWhich: '(pytanie {number})',
    partly: 'Nie wszystkie części tego pytania mają odpowiedź.',
    submit: 'Wyślij moje odpowiedzi',
    afterSubmit: 'Po wysłaniu nie można już zmienić odpowiedzi.',
  },
  thanks: {
    title: 'Dziękujemy!',
    body: 'Odpowiedzi zostały wysłane. Serdecznie dziękujemy za poświęcony czas i wysiłek.',
    next: 'Co dalej? Odpowiedzi liczymy razem z odpowiedziami innych osób. Gmina widzi tylko sumy, a nie to, co Pan/Pani wpisał(a). Dział Pracy i Dochodu (Werk en Inkomen) wykorzysta wyniki, aby poprawić swoje usługi.',
    contactLetter: 'Pytania? Numer telefonu gminy jest w liście.',
    paper: 'Nie trzeba już wypełniać ankiety papierowej.',
  },
  screenedOut: {
    title: 'Koniec ankiety',
  },
  alreadyDone: {
    title: 'Ankieta została już wypełniona',
    body: 'Ankieta z tym kodem została już wypełniona. Serdecznie za to dziękujemy! Nie można już niczego zmienić.',
  },
  signedOut: {
    title: 'Do zobaczenia',
    body: 'Odpowiedzi zostały zapisane. Można dokończyć później tym samym kodem.',
  },
  sessionExpired: 'Proszę zalogować się ponownie kodem z listu.',
  privacy: {
    title: 'Prywatność: co się dzieje z odpowiedziami?',
    intro:
      'Gmina zleca to badanie, aby poprawić usługi Wydziału Pracy i Dochodu (Werk en Inkomen). Udział jest dobrowolny. Udział albo jego brak nie ma wpływu na zasiłek.',
    anonymousTitle: 'Odpowiedzi są anonimowe',
    anonymousIntro: 'Anonimowe oznacza: nikt nie może zobaczyć, kto udzielił których odpowiedzi. Zapewniamy to tak:',
    lettersOnly: 'Imię, nazwisko i adres wykorzystujemy tylko do wysłania listu i przypomnienia.',
    noPersonalData: 'Przy odpowiedziach nie ma imienia, nazwiska, adresu, numeru klienta ani kodu logowania.',
    resumeLink:
      'Dopóki ankieta nie jest skończona, przechowujemy odpowiedzi razem z kodem. Dzięki temu można ją dokończyć później. Po wysłaniu odpowiedzi usuwamy ich powiązanie z kodem. Odpowiedzi czekają wtedy chwilę, aż inne osoby też skończą. Potem dodajemy je razem z odpowiedziami innych osób do reszty, w przypadkowej kolejności. Dzięki temu nikt nie może zobaczyć, kto udzielił których odpowiedzi. Nawet w komputerze, w którym wszystko przechowujemy.',
    noDates:
      'Nie zapisujemy, w którym dniu ankieta została wypełniona. Liczymy tylko, ile osób bierze udział każdego dnia.',
    participated: 'Zapisujemy natomiast, że dana osoba wzięła udział. Wtedy nie dostaje już przypomnienia.',
    totalsOnly: 'Gmina widzi tylko sumy. Na przykład: ile osób dało ocenę 8. Nigdy nie widzi, co wpisała jedna osoba.',
    openAnswers:
      'Proszę nie wpisywać w pytaniach otwartych imienia, nazwiska, adresu ani numeru klienta. Wtedy odpowiedzi pozostaną anonimowe.',
    cookieTitle: 'Plik cookie',
    cookie:
      'Ta strona internetowa używa jednego pliku cookie. Jest on potrzebny, aby zapamiętać, że użytkownik jest zalogowany i jaki język wybrał, a także czy telefon ma już wygląd stron, aby nie wysyłać go wciąż od nowa. Nie ma plików cookie, które śledzą użytkownika. Nie ma też reklam.',
    wrongCodes:
      'Jeśli ktoś wpisze błędny kod, liczymy to według adresu internetowego (adresu IP). Dzięki temu nikt nie może zgadywać kodów. Nie zapisujemy nic więcej o wizycie.',
    keepTitle: 'Jak długo przechowujemy dane?',
    keep: 'Po badaniu usuwamy imiona, nazwiska, adresy i kody. Anonimowe odpowiedzi i sumy przechowujemy na potrzeby badania.',
    rightsTitle: 'Pana/Pani prawa',
    rights:
      'Można zapytać gminę, jakie dane o Panu/Pani posiada. Można też poprosić o usunięcie tych danych. Adres gminy jest w liście. Wysłanych odpowiedzi nie możemy już odnaleźć, ponieważ są anonimowe.',
    noThanks: 'Nie chce Pan/Pani wziąć udziału? Wtedy nie trzeba nic robić.',
    complaint:
      'Czy gmina postępuje z danymi w sposób, który budzi zastrzeżenia? Wtedy można złożyć skargę do holenderskiego urzędu ochrony danych osobowych (Autoriteit Persoonsgegevens).',
  },
  accessibility: {
    title: 'Deklaracja dostępności',
    intro:
      'Każdy powinien móc wypełnić tę ankietę. Także osoba, która słabo widzi, używa czytnika ekranu albo nie używa myszy. Tutaj można przeczytać, co w tym celu zrobiliśmy i zmierzyliśmy.',
    scope:
      'Ta deklaracja dotyczy stron dla osób, które wypełniają ankietę: strony startowej, pytań, podsumowania, strony z podziękowaniem i tych informacji. Nie dotyczy stron dla pracowników.',
    standard:
      'Normą jest WCAG 2.1, poziom A i AA (norma europejska EN 301 549). Instytucje publiczne w Holandii muszą spełniać tę normę.',
    statusTitle: 'Na jakim etapie jesteśmy?',
    status:
      'Status: podjęto pierwsze działania. Sami przetestowaliśmy strony. Niezależny ekspert jeszcze ich nie zbadał. Dlatego nie twierdzimy jeszcze, że strony w pełni spełniają normę.',
    measuredTitle: 'Co zmierzyliśmy',
    measuredOn: 'Ostatni pomiar: {date}. Powtarzamy go przy każdej nowej wersji.',
    automated:
      'Test automatyczny (axe-core {version}) na {pages} stronach: każdy rodzaj strony, po niderlandzku, angielsku i arabsku, także z komunikatami o błędach. Wynik: 0 błędów według zasad WCAG 2.1 A i AA.',
    reflow:
      'Na ekranie o szerokości 320 pikseli nie trzeba przewijać w bok. To mały telefon albo powiększenie 400% na komputerze.',
    keyboard:
      'Stronę ankiety można wypełnić i wysłać przy użyciu samej klawiatury. Zawsze widać, w którym miejscu strony się jest.',
    noScript: 'Ankieta działa także bez JavaScriptu.',
    phoneGrid:
      'Na telefonie każde stwierdzenie z tabeli jest pokazane jako osobne pytanie, jedno pod drugim. Długa tabela jest podzielona na kilka stron, a pytanie jest na każdej stronie.',
    languages: 'Każda strona podaje, w jakim jest języku. Tekst arabski jest pokazany od prawej do lewej.',
    paper: 'Ankietę można też wypełnić na papierze. Jest dołączona do listu.',
    knownTitle: 'Co jeszcze nie jest dobre',
    knownLanguage:
      'Wszystkie teksty są po niderlandzku, angielsku, turecku, arabsku i polsku. Teksty tureckie, arabskie i polskie nie zostały jeszcze sprawdzone przez tłumacza. Mogą więc zawierać błędy. Czy ankieta jest też w innym języku? W tym języku przetłumaczone są tylko pytania. Przyciski i objaśnienia są wtedy po niderlandzku. Czytnik ekranu czyta je w języku pytań.',
    notDoneTitle: 'Czego jeszcze nie zrobiliśmy',
    notDoneScreenReaders:
      'Testu z udziałem osób, które codziennie używają czytnika ekranu (na przykład NVDA, VoiceOver lub TalkBack).',
    notDoneAudit: 'Badania przez niezależnego eksperta metodą WCAG-EM.',
    contactTitle: 'Coś nie działa?',
    contact:
      'Nie można czegoś przeczytać lub wypełnić? Proszę wtedy zadzwonić albo napisać do gminy, która wysłała list. Adres i numer telefonu są w liście. Postaramy się, aby mimo to można było wziąć udział, na przykład na papierze.',
    complaint:
      'Odpowiedź nie jest zadowalająca? Wtedy można złożyć skargę do rzecznika (ombudsmana) swojej gminy albo do Nationale ombudsman.',
  },
}
