/** Paper entry: the typists' screen (/invoer) and the researchers' paper pages. */
export const typist = {
  nav: {
    entry: 'Papieren formulieren',
  },
  entry: {
    title: 'Papieren formulieren invoeren',
    codeLabel: 'Code van het formulier',
    codeHint: 'Scan de streepjescode of typ de code, en druk op Enter.',
    open: 'Formulier openen',
    noRounds: 'Er is nu geen ronde open voor invoer.',
    drafts: 'Nog niet opgeslagen',
    draftsIntro: 'Deze formulieren heeft u geopend, maar nog niet opgeslagen. Uw invoer is bewaard.',
    continue: 'Verder',
    withoutCode: 'zonder code',
    scansTitle: 'Gescande formulieren',
    scansIntro:
      'Heeft u de formulieren gescand? Dan leest Peiling de vakjes. U controleert daarna alleen wat niet zeker is.',
    scansLink: 'Naar de scans',
    noCodeTitle: 'Formulier zonder code',
    noCodeIntro:
      'Staat er geen code op het formulier, of kunt u de code niet lezen? Kies de gemeente en voer het formulier in. Het telt mee in de respons van die gemeente.',
    stratumLabel: 'Gemeente',
    openNoCode: 'Invoeren zonder code',
    formNumberHint:
      'Tweede invoer van een formulier zonder code? Typ het nummer dat op het formulier is geschreven, bijvoorbeeld G12.',
  },
  codeErrors: {
    empty: 'Vul de code in.',
    length: 'Een code heeft 10 tekens. Controleer de code.',
    character:
      'De code bevat een teken dat niet in codes voorkomt (0, O, 1, I en L komen niet voor). Controleer de code.',
    check: 'Deze code klopt niet: waarschijnlijk een tikfout. Controleer de code.',
    unknownCode: 'Deze code bestaat niet. Controleer de code, of voer het formulier in als formulier zonder code.',
    roundNotOpen: 'De ronde van deze code is niet open voor invoer.',
    alreadyKeyedByYou: 'U heeft dit formulier al ingevoerd. De tweede invoer moet iemand anders doen.',
    unknownFormNumber: 'Dit formuliernummer bestaat niet of is al klaar.',
    unknownStratum: 'Kies een gemeente.',
    draftGone: 'Dit formulier is al opgeslagen of weggegooid.',
  },
  form: {
    title: 'Formulier {form}',
    titleNoCode: 'Formulier zonder code',
    round: 'Ronde',
    stratum: 'Gemeente',
    howTo: 'Zo voert u in',
    keyNumber:
      'Typ het nummer dat bij het aangekruiste vakje staat. Na een volledig nummer gaat u vanzelf naar het volgende veld.',
    keyTicks: 'Meer antwoorden mogelijk: typ de nummers na elkaar, bijvoorbeeld 1 3 (of 13).',
    keyMultiple: 'm of * = meer dan één vakje aangekruist waar één mag',
    keyUnreadable: '? of / = onleesbaar',
    keyBlank: 'Niets ingevuld: laat het veld leeg.',
    keyWritten: 'Nummers of getallen die bij de onderdelen zijn geschreven: typ ze zoals ze er staan.',
    keyKeys: 'Tab en Shift+Tab: volgend en vorig veld. Enter: opslaan en het volgende formulier.',
    ticksHint: '{codes}, meer mogelijk',
    screenOutHint: '{codes}; bij {ends} stopt de vragenlijst (niet in doelgroep)',
    numberHint: '{min} tot en met {max}',
    textHint: 'tekst',
    save: 'Opslaan',
    saveConfirmed: 'Opslaan zoals op papier',
    saveDraft: 'Tussendoor bewaren',
    discard: 'Formulier weggooien',
    draftSaved: 'Tussendoor bewaard.',
    autosaved: 'Invoer bewaard.',
    autosaveFailed: 'Invoer niet bewaard. Bent u nog ingelogd?',
    codeTypo: 'Deze code klopt niet: waarschijnlijk een tikfout.',
  },
  notices: {
    restored: 'Uw eerdere invoer voor dit formulier is teruggezet.',
    completedOnline:
      'Let op: voor deze code is al een antwoord via internet binnen. U kunt het formulier invoeren. Het wordt bewaard als dubbel formulier, en een onderzoeker beslist welk antwoord telt.',
    completedPaper:
      'Let op: voor deze code is al een papieren formulier ingevoerd. U kunt dit formulier invoeren. Het wordt bewaard als dubbel formulier, en een onderzoeker beslist welk antwoord telt.',
    firstKeying: 'Elk formulier wordt twee keer ingevoerd, door twee verschillende mensen. U bent de eerste.',
    secondKeying:
      'Iemand anders heeft dit formulier al ingevoerd. Voer het opnieuw in, precies zoals het op papier staat.',
    keyedTwice:
      'Let op: dit formulier is al twee keer ingevoerd en wacht op controle. Uw invoer wordt bewaard als dubbel formulier.',
    openElsewhere:
      'Let op: een andere invoerder heeft deze code ook open. Wie als eerste opslaat, telt. Het andere formulier wordt een dubbel formulier.',
  },
  warnings: {
    title: 'Controleer deze velden',
    intro: 'Klopt het met wat er op papier staat? Verbeter het veld, of kies "Opslaan zoals op papier".',
    introBlocked: 'Verbeter eerst het veld hieronder. Zo kan het formulier niet worden opgeslagen.',
    invalid: 'Vraag {label}: "{value}" staat niet als antwoord op het formulier ({codes}).',
    outOfRange: 'Vraag {label}: {value} ligt niet tussen {min} en {max}.',
    notANumber: 'Vraag {label}: "{value}" is geen getal.',
    tooLong:
      'Vraag {label}: de tekst is langer dan {max} tekens. Hij wordt bewaard zoals getypt, maar niet in de gegevens.',
    tooMany: 'Vraag {label}: er zijn meer vakjes aangekruist dan mag.',
    outsideRouting:
      'Vraag {label} is ingevuld, maar had volgens de vragenlijst overgeslagen moeten worden. Het antwoord wordt bewaard en gemarkeerd.',
    otherWithoutTick:
      'Vraag {label}: er staat tekst bij "anders", maar het vakje "anders" is niet aangekruist. De tekst wordt bewaard en gemarkeerd.',
    repeatedRank:
      'Vraag {label}: nummer {value} staat bij meer dan één onderdeel. Het wordt bewaard als "meer dan één antwoord".',
    rankGap:
      'Vraag {label}: de nummers zijn {value}. Er is een nummer overgeslagen. De nummers worden bewaard zoals op papier en gemarkeerd.',
    wrongSum:
      'Vraag {label}: de getallen zijn samen {value} en niet {total}. Ze worden bewaard zoals op papier en gemarkeerd.',
    markNotAllowed:
      'Vraag {label}: bij deze vraag mogen meer vakjes aangekruist zijn. Typ de nummers van alle aangekruiste vakjes, bijvoorbeeld 1 3. "{value}" kan hier niet.',
  },
  saved: {
    saved: 'Opgeslagen. Scan het volgende formulier.',
    savedNoCode: 'Opgeslagen als formulier zonder code.',
    duplicate:
      'Opgeslagen als dubbel formulier {reference}: deze code had al een antwoord {mode}. Schrijf {reference} op het formulier en leg het apart. Een onderzoeker beslist welk antwoord telt.',
    firstKeying: 'Eerste invoer opgeslagen. Iemand anders voert dit formulier nog een keer in.',
    firstKeyingNumber:
      'Eerste invoer opgeslagen. Schrijf dit nummer op het formulier: {number}. De tweede invoerder typt dat nummer in plaats van een code.',
    secondKeyingMatch: 'Tweede invoer opgeslagen. De twee invoeren zijn gelijk: het formulier telt mee.',
    secondKeyingDiffers:
      'Tweede invoer opgeslagen. Er zijn {count} verschillen met de eerste invoer. Een onderzoeker controleert ze.',
    alreadySaved: 'Dit formulier was al opgeslagen.',
    alreadyKeyedByYou:
      'U heeft dit formulier al ingevoerd. De tweede invoer moet iemand anders doen. Uw invoer staat nog bij "Nog niet opgeslagen".',
    formNumberDone:
      'Dit formulier zonder code is al twee keer ingevoerd. Uw invoer staat nog bij "Nog niet opgeslagen"; gooi die weg.',
    roundNotOpen: 'De ronde is niet meer open. Het formulier is niet opgeslagen.',
    discarded: 'Het formulier is weggegooid.',
  },
  modes: {
    online: 'via internet',
    paper: 'op papier',
  },
  staff: {
    tab: 'Papier',
    title: 'Papieren formulieren',
    status: 'Stand van zaken',
    stratum: 'Gemeente',
    withCode: 'Met code',
    noCode: 'Zonder code',
    total: 'Totaal',
    awaitingSecond: 'Wachten op tweede invoer',
    awaitingReview: 'Wachten op controle van verschillen',
    openDuplicates: 'Dubbele formulieren om over te beslissen',
    openDrafts: 'Geopend door invoerders, nog niet opgeslagen',
    notCountedYet:
      'Formulieren die wachten op een tweede invoer, een controle of een beslissing tellen nog niet mee. Die mensen krijgen dus nog een herinnering als u die nu verstuurt.',
    perDay: 'Ingevoerd per dag',
    day: 'Dag',
    typist: 'Invoerder',
    forms: 'Formulieren',
    perTypist: 'Per invoerder',
    compared: 'Vergeleken velden',
    agreement: 'Gelijk aan de andere invoer',
    accuracy: 'Juist volgens controle',
    agreementHelp:
      'Bij dubbele invoer: het deel van de velden waarin de invoerder hetzelfde typte als de andere invoerder, en het deel dat na controle klopte.',
    none: 'Nog niets.',
    reviews: 'Verschillen controleren',
    reviewsNone: 'Er zijn geen verschillen om te controleren.',
    form: 'Formulier',
    keyedBy: 'Ingevoerd door',
    review: 'Controleren',
    duplicates: 'Dubbele formulieren',
    duplicatesNone: 'Er zijn geen dubbele formulieren.',
    earlier: 'Eerder antwoord',
    decide: 'Beslissen',
    action: 'Actie',
  },
  review: {
    title: 'Verschillen in formulier {form}',
    intro:
      'Pak het papieren formulier erbij. Kies bij elke vraag wat er op papier staat. Velden waarin beide invoeren gelijk zijn, worden overgenomen.',
    question: 'Vraag',
    first: 'Invoer 1 ({name})',
    second: 'Invoer 2 ({name})',
    own: 'Anders, namelijk:',
    ownLabel: 'Eigen waarde voor vraag {label}',
    blank: '(leeg)',
    multiple: 'm (meer aangekruist)',
    unreadable: '? (onleesbaar)',
    save: 'Beslissing opslaan',
    undecided: 'Kies bij elke vraag een waarde. Nog open: vraag {labels}.',
    ownKeying: 'U heeft dit formulier zelf ingevoerd. Laat iemand anders de verschillen controleren.',
    gone: 'Dit formulier is al gecontroleerd.',
    saved: 'Beslissing opgeslagen. Het formulier telt mee.',
    savedDuplicate:
      'Beslissing opgeslagen. De code had intussen al een antwoord, dus het formulier is bewaard als dubbel formulier {reference}. Schrijf {reference} op het formulier.',
    back: 'Terug naar papieren formulieren',
  },
  receivedOn: {
    title: 'Ontvangen op',
    intro:
      'De dag waarop de formulieren van deze stapel binnenkwamen. Die dag bepaalt of een formulier voor of na de herinnering telt. Leeg: vandaag.',
    label: 'Datum van ontvangst',
    save: 'Datum gebruiken',
    current: 'De formulieren die u nu opslaat, tellen als ontvangen op {date}.',
    set: 'De formulieren die u nu opslaat, tellen als ontvangen op {date}.',
    today: 'De formulieren die u nu opslaat, tellen als ontvangen vandaag.',
    notADate: 'Vul een datum in, bijvoorbeeld 2026-12-03.',
    inFuture: 'Die datum is nog niet geweest. Kies vandaag of een dag eerder.',
    tooOld: 'Die datum is meer dan een jaar geleden. Kies een recentere dag.',
  },
  duplicate: {
    title: 'Dubbel formulier {form}',
    earlierOnline: 'Voor deze code was al een antwoord via internet binnen toen dit papieren formulier werd ingevoerd.',
    earlierPaper:
      'Voor deze code was al een papieren formulier ingevoerd (of het wachtte op controle) toen dit formulier werd ingevoerd.',
    keyedBy: 'Ingevoerd door {name}.',
    fields: 'Ingevoerd op dit formulier',
    empty: 'Er is niets ingevuld op dit formulier.',
    question: 'Vraag',
    thisForm: 'Dit formulier',
    earlierForm: 'Eerdere formulier',
    earlierKeying: 'Eerdere formulier, invoer {n}',
    earlierNotShown:
      'Het eerdere antwoord ziet u hier niet. Het is opgeslagen zonder koppeling aan de persoon, dus niemand kan het terugvinden.',
    choose: 'Wat wilt u doen?',
    keepFirst: 'Het eerdere antwoord houden. Dit formulier vervalt.',
    keepThis: 'Dit formulier houden. Het eerdere formulier (nog niet geteld) vervalt.',
    keepAsNoCode:
      'Beide houden: dit formulier telt als formulier zonder code (bijvoorbeeld als een huisgenoot het verkeerde formulier gebruikte).',
    cannotReplace:
      'Dit formulier kan het eerdere antwoord niet vervangen. Een ingevuld antwoord wordt opgeslagen zonder koppeling aan de persoon. Daardoor kan niemand, ook Peiling niet, het terugvinden.',
    save: 'Beslissing opslaan',
    resolved: 'Beslissing opgeslagen.',
    gone: 'Over dit formulier is al beslist.',
    notPossible: 'Dat kan niet meer: het eerdere formulier is intussen geteld.',
    back: 'Terug naar papieren formulieren',
  },
  scans: {
    title: 'Gescande formulieren',
    intro:
      'Upload hier de scans van papieren formulieren die terug zijn gekomen. Peiling leest de vakjes. Daarna controleert u alleen wat niet zeker is.',
    privacy:
      'Op een scan staan de code en het handschrift van iemand. Alleen invoerders en onderzoekers kunnen scans zien. Een scan wordt gewist zodra het formulier is opgeslagen, en uiterlijk als de gegevens van de ronde worden gewist.',
    back: 'Terug naar papieren formulieren',
    uploadTitle: 'Scans uploaden',
    round: 'Ronde',
    file: 'Bestand met scans',
    fileHint:
      'Een PDF, TIFF, PNG of JPEG, gescand met 200 tot 300 dpi. Hoogstens {mb} MB en {pages} pagina’s. De pagina’s mogen in elke volgorde, ook ondersteboven.',
    upload: 'Uploaden',
    uploaded: 'De scan is opgeslagen: {pages} pagina’s. Peiling leest ze nu.',
    noRounds: 'Er is nu geen ronde open voor invoer.',
    batchesTitle: 'Geüploade scans',
    noBatches: 'Er zijn nog geen scans geüpload.',
    uploadedOn: 'Geüpload',
    progress: '{read} van {total} pagina’s gelezen',
    status: {
      reading: 'Wordt gelezen',
      done: 'Klaar',
      failed: 'Mislukt',
    },
    refreshing: 'Deze pagina ververst zichzelf zolang er scans worden gelezen.',
    refresh: 'Pagina verversen',
    problemsTitle: 'Pagina’s met een probleem',
    problemsIntro: 'Deze pagina’s zijn niet gebruikt. Voer zo’n formulier met de hand in, of scan de pagina opnieuw.',
    position: 'Pagina {position} van het bestand',
    thumbnail: 'Scan van pagina {position} van het bestand',
    problems: {
      barcode: 'De streepjescode is niet te lezen.',
      marks:
        'De vier zwarte blokjes in de hoeken zijn niet gevonden. Is dit een formulier van deze peiling, en staat de hele pagina op de scan?',
      unknownCode: 'Deze code hoort niet bij deze ronde.',
      noLayout: 'Dit formulier is gedrukt voordat Peiling scans kon lezen. Voer het met de hand in.',
      pageTwice: 'Deze pagina van dit formulier is al eerder gescand.',
      formStored: 'Dit formulier is al opgeslagen.',
    },
    incompleteTitle: 'Formulieren waar een pagina van ontbreekt',
    incompleteIntro: 'Scan de ontbrekende pagina en upload die. Peiling voegt hem bij het formulier.',
    code: 'Code',
    missing: 'Ontbreekt',
    missingPages: 'pagina {pages}',
    readyTitle: 'Klaar om te controleren',
    readyIntro: 'Peiling heeft deze formulieren gelezen. Controleer wat niet zeker is en sla het formulier op.',
    noReady: 'Er zijn geen formulieren om te controleren.',
    uncertain: 'Te controleren',
    check: 'Controleren',
    uploadErrors: {
      noFile: 'Kies een bestand met scans.',
      noRound: 'Kies een ronde.',
      empty: 'Het bestand is leeg.',
      tooLarge: 'Het bestand is te groot. Het mag hoogstens {mb} MB zijn. Verdeel de scans over meer bestanden.',
      kind: 'Dit bestand is geen scan. Upload een PDF, TIFF, PNG of JPEG.',
      tooManyPages:
        'Het bestand heeft te veel pagina’s. Het mogen er hoogstens {max} zijn. Verdeel de scans over meer bestanden.',
      pageTooLarge: 'Pagina {page} is te groot. Scan met 200 tot 300 dpi.',
      unreadable:
        'Pagina {page} van het bestand kan niet worden gelezen. Er is niets opgeslagen. Scan die pagina opnieuw.',
      damaged: 'Het bestand kan niet worden gelezen. Misschien is het beschadigd. Er is niets opgeslagen.',
      roundNotOpen: 'Deze ronde is niet open voor invoer.',
    },
  },
  scanCheck: {
    title: 'Scan nakijken: formulier {form}',
    count: '{count} van {total} velden nakijken',
    intro:
      'Naast elke vraag staat de scan van die vraag. De velden met "nakijken" waren niet zeker, of er is iets geschreven. De cursor gaat alleen naar die velden. Klopt een ander veld niet met de scan? Klik erin, of ga er met Shift+Tab naartoe, en verbeter het.',
    allFields: 'Alle velden met Tab langsgaan',
    onlyUncertain: 'Alleen de velden om na te kijken met Tab langsgaan',
    keys: 'Tab of Enter: naar het volgende veld om na te kijken. Enter in het laatste veld: opslaan en het volgende formulier.',
    unclear: 'Nakijken: niet zeker gelezen. Kijk op de scan wat er is aangekruist.',
    written: 'Nakijken: met de hand geschreven. Typ over wat er op de scan staat.',
    picture: 'Scan van vraag {number}',
    pictureOnPage: 'Scan van vraag {number}, pagina {page}',
    back: 'Terug naar de scans',
    saved: 'Opgeslagen. De scan van dit formulier is verwijderd.',
    gone: 'Dit formulier is al opgeslagen, of de scan is er niet meer.',
    notices: {
      completedOnline:
        'Let op: voor deze code is al een antwoord via internet binnen. Het formulier wordt bewaard als dubbel formulier, en een onderzoeker beslist welk antwoord telt.',
      completedPaper:
        'Let op: voor deze code is al een papieren formulier ingevoerd. Het formulier wordt bewaard als dubbel formulier, en een onderzoeker beslist welk antwoord telt.',
      readingFirst:
        'Elk formulier wordt twee keer ingevoerd. Het lezen van de scan telt als de eerste keer, uw controle als de tweede.',
      secondKeying: 'Iemand anders heeft dit formulier al ingevoerd. Uw controle telt als de tweede invoer.',
      keyedTwice:
        'Let op: dit formulier is al twee keer ingevoerd en wacht op controle. Het wordt bewaard als dubbel formulier.',
    },
  },
}
