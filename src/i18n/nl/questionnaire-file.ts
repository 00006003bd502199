/**
 * Faults in a questionnaire uploaded as a spreadsheet (the XLSForm layout: sheets
 * survey, choices and settings), for the researcher who edits it. Each message is shown
 * with its sheet and row, so it says what to change there, not where.
 */
export const questionnaireFile = {
  file: {
    tooLarge: 'Het bestand is groter dan {mb} MB. Een vragenlijst is veel kleiner: is dit het goede bestand?',
    tooLargeUnpacked:
      'Het bestand is uitgepakt groter dan {mb} MB. Een vragenlijst is veel kleiner: is dit het goede bestand?',
    tooManyRows: 'Een blad heeft meer dan {max} rijen. Een vragenlijst heeft er veel minder.',
    notXlsx: 'Dit is geen Excel-bestand (.xlsx) dat te lezen is. Sla het op als Excel-werkmap en probeer het opnieuw.',
    missingSheet: 'Het blad "{sheet}" ontbreekt. Een vragenlijst heeft de bladen survey, choices en settings.',
    noHeader: 'Het blad is leeg. De eerste rij moet de kolomnamen hebben.',
  },
  columns: {
    unknown: 'De kolom "{column}" kent Peiling niet. Bruikbare kolommen op dit blad: {known}.',
    duplicate: 'De kolom "{column}" staat twee keer op dit blad.',
    missing: 'De kolom "{column}" ontbreekt.',
    badLanguage: 'De kolom "{column}" heeft geen taalcode. Schrijf bijvoorbeeld "{example}".',
    notForType: 'De kolom "{column}" hoort niet bij het type "{type}". Maak de cel leeg.',
  },
  settings: {
    dutchFirst:
      'Nederlands (nl) moet de eerste taal zijn: elke andere taal valt terug op het Nederlands. Nu staat er "{value}".',
    noValues: 'De instellingen staan in rij 2, onder de kolomnamen. Rij 2 is leeg.',
    extraRow: 'Op dit blad telt alleen rij 2. Zet niets in de rijen daaronder.',
    badVersion: 'De versie moet een heel getal zijn van 1 of hoger, niet "{value}".',
    badLanguages: 'Schrijf de talen als codes met een spatie ertussen, bijvoorbeeld "nl en tr". Nu staat er "{value}".',
  },
  survey: {
    duplicateNumber: 'Het nummer "{number}" staat al op rij {row}. Elk nummer mag maar één keer voorkomen.',
    screenOutWithoutCodes:
      'Er staat een tekst in screen_out_text, maar in screen_out staat niet bij welke antwoorden de vragenlijst stopt.',
    badScreenOut:
      'In screen_out horen de codes van de antwoorden waarbij de vragenlijst stopt, zoals 3 of 3 4. Hier staat "{value}".',
    badConcept:
      'Het concept "{concept}" is geen geldige sleutel. Gebruik kleine letters, cijfers, _, - en punten, en begin met een letter.',
    duplicateConcept:
      'Het concept "{concept}" staat al op rij {row}. Een concept wordt maar één keer per versie gemeten.',
    minAboveMax: 'De parameter min ({min}) is groter dan max ({max}).',
    maxAboveOptions: 'De parameter max is {max}, maar de keuzelijst heeft maar {count} antwoorden.',
    missingType: 'Deze rij heeft geen type.',
    unknownType: 'Het type "{type}" kent Peiling niet. Gebruik een van: {known}.',
    unknownTypeHint: 'Het type "{type}" kent Peiling niet. Gebruik "{instead}".',
    extraTypeWord: 'Achter het type staat "{word}". Alleen een keuzelijst mag daar staan.',
    missingName: 'Deze rij heeft geen naam (kolom name).',
    badName:
      'De naam "{name}" kan geen variabele worden. Gebruik kleine letters, cijfers en _, en begin met een letter.',
    duplicateName: 'De naam "{name}" staat al op rij {row}. Elke naam mag maar één keer voorkomen.',
    missingNumber: 'Deze vraag heeft geen nummer (kolom number).',
    missingDutchLabel: 'De Nederlandse tekst ontbreekt (kolom {column}).',
    missingList: 'Schrijf achter het type de naam van de keuzelijst, bijvoorbeeld "{type} antwoorden".',
    listNotAllowed: 'Het type "{type}" heeft geen keuzelijst. Haal "{list}" weg.',
    unknownList: 'De keuzelijst "{list}" staat niet op het blad choices.',
    gradeListTooLong:
      'De keuzelijst "{list}" bij een rapportcijfer mag maar één antwoord hebben naast 1-10: het "weet niet"-antwoord.',
    gradeMarkerOutsideGrade: 'De keuzelijst "{list}" is voor een rapportcijfer (rij 1-10) en past niet bij "{type}".',
    outsideGroup: 'Deze vraag staat buiten een groep. Zet er een rij begin_group boven en een rij end_group onder.',
    nestedGroup: 'Er is al een groep open (rij {row}). Sluit die eerst met end_group: groepen kunnen niet in elkaar.',
    unclosedGroup: 'Deze groep wordt niet gesloten. Zet een rij end_group onder de laatste vraag.',
    endWithoutBegin: 'Hier staat {type}, maar er is geen groep open.',
    emptyGroup: 'Deze groep heeft geen vragen.',
    itemOutsideGroup: 'Een {item} hoort tussen {begin} en {end}.',
    unclosedItems: 'Deze vraag wordt niet gesloten. Zet een rij {end} onder de laatste {item}.',
    emptyItems: 'Deze vraag heeft geen {item}.',
    questionInItems: 'Tussen {begin} (rij {row}) en {end} staan alleen rijen {item}.',
    itemOfOtherGroup: 'Hier hoort een {item} of een {end}: de vraag begon met {begin}.',
    badRequired: 'Schrijf in de kolom required "yes" of "no", niet "{value}".',
    unknownParameter: 'De parameter "{parameter}" kent het type "{type}" niet. Bruikbaar: {known}.',
    badParameter:
      'Schrijf parameters als naam=waarde met een spatie ertussen, bijvoorbeeld "min=0 max=40". "{text}" is dat niet.',
    badParameterValue: 'De parameter "{parameter}" moet {expected} zijn, niet "{value}".',
    missingParameter: 'Het type "{type}" heeft de parameter "{parameter}" nodig, bijvoorbeeld "min=0 max=40".',
    expectedNumber: 'een getal',
    expectedWhole: 'een heel getal van 1 of hoger',
    expectedYesNo: '"yes" of "no"',
  },
  showIf: {
    syntax:
      'De voorwaarde "{text}" is niet te lezen bij "{at}". Schrijf bijvoorbeeld "vraag = 1", "vraag in (1, 2)" of "vraag beantwoord", en voeg delen samen met en, of, niet en haakjes.',
    unknownQuestion: 'De voorwaarde noemt "{name}", maar er is geen vraag met die naam.',
    laterQuestion:
      'De voorwaarde noemt "{name}", maar die vraag komt pas later (rij {row}). Een voorwaarde kan alleen kijken naar eerdere vragen.',
  },
  choices: {
    duplicateValue:
      'De waarde {value} staat al op rij {row} in de lijst "{list}". Elk antwoord heeft een eigen waarde.',
    missingListName: 'Deze rij heeft geen list_name.',
    missingValue: 'Deze rij heeft geen waarde (kolom name).',
    badValue:
      'De waarde moet een heel getal zijn, bijvoorbeeld 1 of 99, niet "{value}". Alleen een rapportcijfer-lijst heeft een rij "1-10".',
    badFlag: 'Schrijf in de kolom {column} "yes" of laat de cel leeg, niet "{value}".',
    labelOnGradeRow: 'De rij 1-10 heeft geen tekst nodig: Peiling zet zelf "zeer slecht" en "uitstekend" bij 1 en 10.',
  },
}
