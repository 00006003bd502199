export const respondent = {
  login: {
    title: 'Vragenlijst over de dienstverlening',
    intro: 'Wilt u ons vertellen wat u van onze dienstverlening vindt? Het invullen duurt ongeveer 15 minuten.',
    anonymous:
      'Uw antwoorden zijn anoniem. De gemeente ziet niet wat u invult. Uw antwoorden hebben geen invloed op uw uitkering.',
    genuine: 'Is deze website echt? Kijk of bovenaan in uw browser {address} staat. Dat adres staat ook in uw brief.',
    codeLabel: 'Uw inlogcode',
    codeHint: 'U vindt de code in de brief. Bijvoorbeeld: K7QXM-4TR9C. Hoofdletters en streepjes zijn niet nodig.',
    submit: 'Start de vragenlijst',
    paperHint: 'U kunt ook de papieren vragenlijst invullen en gratis terugsturen met de antwoordenvelop.',
  },
  codeErrors: {
    empty: 'Vul de inlogcode uit uw brief in.',
    length: 'De code heeft 10 tekens (letters en cijfers). Controleer de code in uw brief.',
    character:
      'In de code staan alleen de cijfers 2 tot en met 9 en letters. De letters O, I en L komen niet voor. Controleer de code in uw brief.',
    check: 'Deze code klopt niet. Er is waarschijnlijk een tikfout. Controleer de code in uw brief.',
    unknown: 'Deze code kennen wij niet. Controleer de code in uw brief.',
    tooMany: 'U heeft te vaak een verkeerde code ingevuld. Probeer het over {minutes} minuten opnieuw.',
    tooManyOneMinute: 'U heeft te vaak een verkeerde code ingevuld. Probeer het over 1 minuut opnieuw.',
  },
  round: {
    notOpenTitle: 'De vragenlijst is nog niet open',
    notOpen: 'U kunt de vragenlijst invullen van {opens} tot en met {closes}.',
    closedTitle: 'De vragenlijst is gesloten',
    closed: 'U kon de vragenlijst invullen tot en met {closes}. Bedankt voor uw interesse.',
  },
  form: {
    progress: 'Deel {current} van {total}',
    previous: 'Vorige',
    next: 'Volgende',
    toReview: 'Naar het overzicht',
    resumeHint:
      'U kunt stoppen en later verder gaan. Log dan opnieuw in met dezelfde code, ook op een andere telefoon of computer.',
    errorSummary: 'Er is iets niet goed ingevuld:',
    gridPart: 'Deze vraag staat op {total} pagina’s. Dit is pagina {current}.',
    aboutQuestionnaire: 'Over deze vragenlijst',
    gradeLow: 'zeer slecht',
    gradeHigh: 'uitstekend',
    yes: 'Ja',
    no: 'Nee',
    otherSpecify: 'Namelijk:',
    chooseAtMost: 'Kies er hoogstens {max}.',
    chooseAny: 'U mag meer dan één antwoord kiezen.',
    numberRange: 'Een getal van {min} tot en met {max}.',
    rankingHint:
      'Kies 1 bij wat voor u het eerst komt, 2 bij wat daarna komt, en zo verder. U mag hoogstens {max} nummers kiezen. Elk nummer mag maar één keer.',
    rankNone: 'Geen nummer',
    constantSumHint: 'Verdeel {total} over deze onderdelen. Samen moet het precies {total} zijn.',
    constantSumNow: 'Nu samen: {sum} van de {total}.',
    signOut: 'Stoppen en later verder',
  },
  review: {
    title: 'Overzicht',
    intro:
      'U bent bijna klaar. Controleer hieronder of u alles heeft ingevuld wat u wilt invullen. Daarna verstuurt u uw antwoorden.',
    allAnswered: 'U heeft alle vragen beantwoord.',
    unanswered: 'Deze vragen heeft u nog niet beantwoord. Dat mag. Wilt u ze toch invullen? Klik dan op de vraag.',
    requiredOpen: 'Deze vragen moet u beantwoorden voordat u kunt versturen. Klik op de vraag.',
    requiredRefused: 'Uw antwoorden zijn nog niet verstuurd. Beantwoord eerst deze vragen. Klik op de vraag.',
    answersTitle: 'Uw antwoorden',
    answeredCount: '{count} beantwoord',
    change: 'Wijzigen',
    changeWhich: '(vraag {number})',
    partly: 'U heeft nog niet alles beantwoord bij deze vraag.',
    submit: 'Verstuur mijn antwoorden',
    afterSubmit: 'Na het versturen kunt u uw antwoorden niet meer veranderen.',
  },
  thanks: {
    title: 'Bedankt!',
    body: 'Uw antwoorden zijn verstuurd. Hartelijk dank voor uw tijd en moeite.',
    next: 'Wat gebeurt er nu? Wij tellen uw antwoorden op bij die van de andere mensen. De gemeente ziet alleen de totalen, niet wat u heeft ingevuld. Met de uitkomsten maakt de afdeling Werk en Inkomen haar dienstverlening beter.',
    contactLetter: 'Heeft u vragen? Het telefoonnummer van de gemeente staat in uw brief.',
    paper: 'U hoeft de papieren vragenlijst niet meer in te vullen.',
  },
  /** The end page of a screen-out answer: its text comes from the questionnaire. */
  screenedOut: {
    title: 'Einde van de vragenlijst',
  },
  alreadyDone: {
    title: 'U heeft de vragenlijst al ingevuld',
    body: 'Met deze code is de vragenlijst al ingevuld. Hartelijk dank daarvoor! U kunt niets meer veranderen.',
  },
  signedOut: {
    title: 'Tot later',
    body: 'Uw antwoorden zijn bewaard. U kunt later verder gaan met dezelfde code.',
  },
  sessionExpired: 'Log opnieuw in met de code uit uw brief.',
  privacy: {
    title: 'Privacy: wat gebeurt er met uw antwoorden?',
    intro:
      'De gemeente laat dit onderzoek doen om de dienstverlening van Werk en Inkomen beter te maken. Meedoen is vrijwillig. Of u meedoet of niet, heeft geen invloed op uw uitkering.',
    anonymousTitle: 'Uw antwoorden zijn anoniem',
    anonymousIntro: 'Anoniem betekent: niemand kan zien welke antwoorden van u zijn. Dat regelen wij zo:',
    lettersOnly: 'Uw naam en adres gebruiken wij alleen om u de brief en een herinnering te sturen.',
    noPersonalData: 'Bij uw antwoorden staan geen naam, adres, klantnummer of inlogcode.',
    resumeLink:
      'Zolang u nog bezig bent, bewaren wij uw antwoorden bij uw code. Zo kunt u later verder gaan. Verstuurt u uw antwoorden? Dan halen wij de koppeling met uw code weg. Uw antwoorden wachten dan even tot ook andere mensen klaar zijn. Daarna zetten wij ze samen met die van de anderen bij de rest, in een willekeurige volgorde. Zo kan niemand zien welke antwoorden van u zijn, ook niet in de computer waarin wij alles bewaren.',
    noDates:
      'Wij bewaren niet op welke dag u de vragenlijst invulde. Wij tellen alleen hoeveel mensen per dag meedoen.',
    participated: 'Wij bewaren wel dát u heeft meegedaan. Dan krijgt u geen herinnering meer.',
    totalsOnly:
      'De gemeente ziet alleen totalen. Bijvoorbeeld: hoeveel mensen een 8 gaven. Nooit wat één persoon heeft ingevuld.',
    openAnswers: 'Schrijf in de open vragen geen naam, adres of klantnummer. Dan blijft u anoniem.',
    cookieTitle: 'Cookie',
    cookie:
      'Deze website gebruikt één cookie. Die is nodig om te onthouden dat u bent ingelogd en welke taal u kiest. En of uw telefoon de opmaak van de pagina’s al heeft, zodat die niet steeds opnieuw komt. Er zijn geen cookies die u volgen, en er is geen reclame.',
    wrongCodes:
      'Vult u een verkeerde code in? Dan tellen wij dat per internetadres (IP-adres). Zo kan niemand codes raden. Meer bewaren wij niet over uw bezoek.',
    keepTitle: 'Hoe lang bewaren wij gegevens?',
    keep: 'Na het onderzoek verwijderen wij de namen, adressen en codes. De anonieme antwoorden en de totalen bewaren wij voor het onderzoek.',
    rightsTitle: 'Uw rechten',
    rights:
      'U mag de gemeente vragen welke gegevens zij van u heeft. U mag ook vragen om die gegevens te verwijderen. Het adres van de gemeente staat in de brief. Uw verstuurde antwoorden kunnen wij niet meer terugvinden, omdat ze anoniem zijn.',
    noThanks: 'Wilt u niet meedoen? Dan hoeft u niets te doen.',
    complaint:
      'Bent u het niet eens met hoe de gemeente met uw gegevens omgaat? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.',
  },
  accessibility: {
    title: 'Toegankelijkheidsverklaring',
    intro:
      'Iedereen moet deze vragenlijst kunnen invullen. Ook als u slecht ziet, een schermlezer gebruikt of geen muis gebruikt. Hier leest u wat wij daarvoor gedaan en gemeten hebben.',
    scope:
      'Deze verklaring gaat over de pagina’s voor mensen die de vragenlijst invullen: de startpagina, de vragen, het overzicht, de bedankpagina en deze informatie. De pagina’s voor medewerkers vallen er niet onder.',
    standard:
      'De norm is WCAG 2.1, niveau A en AA (Europese norm EN 301 549). Overheden in Nederland moeten aan deze norm voldoen.',
    statusTitle: 'Hoe ver zijn wij?',
    status:
      'Status: eerste maatregelen genomen. Wij hebben de pagina’s zelf getest. Een onafhankelijke deskundige heeft de pagina’s nog niet onderzocht. Daarom zeggen wij nog niet dat de pagina’s helemaal aan de norm voldoen.',
    measuredTitle: 'Wat wij gemeten hebben',
    measuredOn: 'Laatst gemeten op {date}, bij elke nieuwe versie opnieuw.',
    automated:
      'Een automatische test (axe-core {version}) op {pages} pagina’s: elke soort pagina, in het Nederlands, Engels en Arabisch, ook met foutmeldingen. Resultaat: 0 fouten op de regels van WCAG 2.1 A en AA.',
    reflow:
      'Op een scherm van 320 pixels breed hoeft u niet opzij te schuiven. Dat is een kleine telefoon, of 400% inzoomen op een computer.',
    keyboard:
      'U kunt een vragenlijstpagina invullen en versturen met alleen het toetsenbord. U ziet steeds waar u bent.',
    noScript: 'De vragenlijst werkt ook zonder JavaScript.',
    phoneGrid:
      'Op een telefoon staat elke stelling van een tabel als een eigen vraag onder elkaar. Een lange tabel staat op meer pagina’s, met de vraag op elke pagina.',
    languages: 'Elke pagina zegt in welke taal hij is. Arabisch staat van rechts naar links.',
    paper: 'U kunt de vragenlijst ook op papier invullen. Die zit bij de brief.',
    knownTitle: 'Wat nog niet goed is',
    knownLanguage:
      'Alle teksten zijn er in het Nederlands, Engels, Turks, Arabisch en Pools. Een vertaler heeft de Turkse, Arabische en Poolse teksten nog niet gecontroleerd. Er kunnen dus nog fouten in staan. Is de vragenlijst ook in een andere taal? Dan zijn in die taal alleen de vragen vertaald. Knoppen en uitleg staan dan in het Nederlands. Een schermlezer leest die voor in de taal van de vragen.',
    notDoneTitle: 'Wat wij nog niet gedaan hebben',
    notDoneScreenReaders:
      'Een test door mensen die elke dag een schermlezer gebruiken (zoals NVDA, VoiceOver of TalkBack).',
    notDoneAudit: 'Een onderzoek door een onafhankelijke deskundige volgens de methode WCAG-EM.',
    contactTitle: 'Werkt iets niet?',
    contact:
      'Kunt u iets niet lezen of invullen? Bel of schrijf dan de gemeente die u de brief stuurde. Het adres en telefoonnummer staan in de brief. Wij zorgen dan dat u toch kunt meedoen, bijvoorbeeld op papier.',
    complaint:
      'Krijgt u geen goed antwoord? Dan kunt u een klacht indienen bij de ombudsman van uw gemeente of bij de Nationale ombudsman.',
  },
}
