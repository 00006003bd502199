/**
 * The texts of a round's report (the charts and the Word file W&I sends to the council).
 * The words follow the municipal KTO reports (REPORTS.md): "Referentiegroep", "% 7 of
 * hoger", "Dit jaar | Referentiegroep", "(N=144)".
 */
export const report = {
  title: 'Klanttevredenheid Werk en Inkomen: {round}',
  labels: {
    mean: 'Gemiddelde',
    gradeMean: 'Gemiddeld rapportcijfer',
    belowSix: '% onvoldoende (1 t/m 5)',
    sevenOrMore: '% 7 of hoger',
    agree: '% (helemaal) mee eens',
    significanceTest: 'z-toets op het verschil tussen twee onafhankelijke schattingen, tweezijdig, betrouwbaarheid 95%',
  },
  chart: {
    gradeTitle: 'Spreiding rapportcijfer: {question}',
    statementsTitle: 'Stellingen: {question}',
    gradeAxis: 'Rapportcijfer',
    gradeDescription: 'Percentage van de antwoorden per cijfer: {shares}.',
    statementDescription: '{statement}: {shares}',
    tooFewAnswers: 'te weinig antwoorden',
  },
  titlePage: {
    madeOn: 'Gemaakt op {date}',
    municipality: 'Gemeente {name}',
    wholeRound: 'Alle gemeenten samen',
  },
  summary: {
    title: 'Samenvatting',
    grade: 'De respondenten geven gemiddeld een {mean} bij de vraag "{question}".',
    base: 'Zoveel respondenten gaven een cijfer: {n}.',
    gradePrevious: 'In {round} was dat een {mean}.',
    gradeHigher: 'Het cijfer is significant hoger dan in {round}.',
    gradeLower: 'Het cijfer is significant lager dan in {round}.',
    gradeSame: 'Het verschil met {round} is niet significant.',
    gradeReference: 'De referentiegroep geeft gemiddeld een {mean}.',
    referenceHigher: 'Dat is significant hoger dan in de referentiegroep.',
    referenceLower: 'Dat is significant lager dan in de referentiegroep.',
    referenceSame: 'Dat is vergelijkbaar met de referentiegroep.',
    belowSix: '{share} van de respondenten geeft een onvoldoende (1 tot en met 5).',
    belowSixReference: 'In de referentiegroep is dat {share}.',
    noTrend: 'Kies een eerdere ronde om veranderingen te zien.',
    change: '{label}: van {before} naar {after}',
    changesTitle: 'De grootste verschillen met {round}',
    changesIntro: 'Deze uitkomsten zijn het meest veranderd sinds {round}. Alleen significante verschillen staan erin.',
    noChanges: 'Er zijn geen significante verschillen met {round}.',
    chapter: 'Onderwerp',
    line: 'Vraag',
    difference: 'Verschil',
    percentagePoints: '{difference} procentpunt',
  },
  response: {
    title: 'Respons en betrouwbaarheid',
    intro:
      'Per gemeente: hoeveel klanten een uitnodiging kregen, en hoeveel van hen de vragenlijst op papier of online hebben ingevuld.',
    tableTitle: 'Respons en betrouwbaarheid per gemeente',
    municipality: 'Gemeente',
    writtenTo: 'Aangeschreven',
    paper: 'Papier',
    online: 'Online',
    completed: 'Totaal',
    rate: 'Respons',
    confidence: 'Betrouwbaarheid',
    verdict: 'Oordeel',
    total: 'Totaal',
    verdicts: {
      veryReliable: 'zeer betrouwbaar',
      reliable: 'betrouwbaar',
      indicative: 'indicatief',
    },
    thresholds:
      'Betrouwbaarheid: hoe zeker het is dat een percentage minder dan 5 procentpunten van de werkelijkheid afwijkt. Vanaf {veryReliable} noemen we de uitkomsten zeer betrouwbaar, vanaf {reliable} betrouwbaar. Daaronder zijn ze indicatief: ze geven een beeld, maar zijn niet precies.',
    comparisonTitle: 'Vergelijking',
    trendRound: 'Eerdere meting {label}: {n} respondenten.',
    reference: 'Referentiegroep: {n} respondenten.',
    weightingTitle: 'Weging',
    weighting: {
      none: 'De resultaten zijn niet gewogen.',
      municipality:
        'De resultaten zijn gewogen naar gemeente: elke gemeente telt mee naar het aantal klanten dat zij heeft.',
      municipalityAgeSex:
        'De resultaten zijn gewogen naar gemeente, leeftijd en geslacht: zo lijken de respondenten samen op alle klanten.',
    },
    weightingFigures:
      'Aantal respondenten (ongewogen N): {unweighted}. Gewogen N: {weighted}. Designeffect van de weging: {designEffect}. De uitkomsten zijn daardoor zo nauwkeurig als bij ongeveer {effective} respondenten zonder weging.',
    trimmed:
      'Geen gewicht is groter dan {bound} keer het gemiddelde gewicht. Bij {count} respondenten is het gewicht daarom kleiner gemaakt.',
    ageSex: {
      noPopulation: 'Niet gewogen naar leeftijd en geslacht: het klantbestand had geen geboortejaar en geslacht.',
      noQuestions: 'Niet gewogen naar leeftijd en geslacht: de vragenlijst vraagt daar niet naar.',
      notConverged: 'Niet gewogen: de aantallen naar leeftijd en geslacht passen niet bij de respons.',
    },
    significanceTitle: 'Verschillen toetsen',
    significance:
      'Verschillen met eerdere metingen en met de referentiegroep zijn getoetst ({test}). In de tabellen staat ▲ of ▼ bij een verschil dat significant is.',
    minGroupSize: 'Bij minder dan {n} antwoorden tonen we geen uitkomst, zodat niemand herkenbaar is.',
  },
  table: {
    title: 'Tabel {number}. {title} (N={n})',
    titleWithoutN: 'Tabel {number}. {title}',
    reference: 'Referentiegroep',
    tooFew: 'te weinig',
    higher: 'in dit jaar significant hoger dan in deze kolom',
    lower: 'in dit jaar significant lager dan in deze kolom',
    chartTable: 'Tabel bij de figuur',
    result: 'Uitkomst',
    grade: 'Cijfer',
    share: 'Percentage',
    marks: '▲: in {current} significant hoger dan in die kolom. ▼: in {current} significant lager dan in die kolom.',
    ownQuestion: '"-": eigen vraag van de gemeente. De referentiegroep heeft die vraag niet.',
    total: 'Totaal',
    statement: 'Stelling',
    answer: 'Antwoord',
  },
  figure: {
    title: 'Figuur {number}. {title}',
  },
  block: {
    heading: '{number}. {question} (N={n})',
    suppressed: 'Te weinig antwoorden om te tonen (minder dan {n}).',
    outsideBase: 'Niet meegeteld in de percentages: {count} keer "weet niet" of "niet van toepassing".',
    statementsNote: 'De tabel toont alleen het percentage dat het (helemaal) eens is. "Weet niet" telt niet mee.',
    multiple: 'Meer antwoorden mogelijk: samen kan het meer dan 100% zijn.',
  },
  points: {
    title: 'Succes- en verbeterpunten',
    intro: 'De vijf punten die het vaakst zijn gekozen. Alle punten staan in de bijlage.',
    heading: '{question} (N={n})',
    point: 'Punt',
    thisYear: 'Dit jaar',
  },
  background: {
    title: 'Achtergrond van de respondenten',
    intro: 'Wie hebben de vragenlijst ingevuld? Waar het kan, staat de referentiegroep ernaast.',
  },
  quotes: {
    title: 'Citaten',
    none: 'Er zijn (nog) geen nagekeken citaten.',
    intro:
      'Een keuze uit de antwoorden op de open vragen, die laat zien wat veel respondenten schreven. Namen zijn vervangen door "…". De spelling is zoals de respondent schreef.',
    quote: '"{text}"',
  },
  appendices: {
    title: 'Bijlagen',
    allPoints: 'Bijlage {number}. Alle succes- en verbeterpunten',
    municipality: 'Bijlage {number}. Resultaten gemeente {name} (N={n})',
  },
}
