/**
 * A workbook with faults gives no definition, but every fault, each on the sheet and row
 * where the researcher can fix it.
 */
import { describe, expect, it } from 'vitest'
import type { WorkbookError } from '#src/questionnaire/xlsform/index.ts'
import { readQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import type { Rows } from './_workbook.ts'
import { SETTINGS, workbook } from './_workbook.ts'

async function faultsOf(sheets: Record<string, Rows>): Promise<WorkbookError[]> {
  const result = await readQuestionnaireWorkbook(await workbook(sheets))
  if (result.ok) throw new Error('expected the workbook to be refused')
  return result.errors
}

const where = (errors: WorkbookError[]) =>
  errors.map(({ sheet, row, column, message }) => ({ sheet, row, column, message }))

describe('a workbook with faults on named rows', () => {
  it('is refused with every fault, each with its sheet and row', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'label::en', 'show_if'],
        ['begin_group', 'start', null, 'Start', null, null],
        ['select_one kleuren', 'kleur', '1', 'Welke kleur heeft de brief?', null, null],
        ['integer', 'leeftijd', '2', 'Hoe oud bent u?', null, null],
        ['yesno', 'hulp', '3', null, 'Did you get help?', null],
        ['yesno', 'hulp', '4', 'Kreeg u nog meer hulp?', null, null],
        ['yesno', 'eerder', '5', 'Had u eerder contact?', null, 'later = 1'],
        ['yesno', 'later', '6', 'Wilt u later contact?', null, null],
        ['end_group', null, null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label::nl'],
        ['kleur', 1, 'Wit'],
      ],
      settings: SETTINGS,
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 3,
        column: 'type',
        message: 'De keuzelijst "kleuren" staat niet op het blad choices.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'type',
        message: 'Het type "integer" kent Peiling niet. Gebruik "number".',
      },
      {
        sheet: 'survey',
        row: 5,
        column: 'label::nl',
        message: 'De Nederlandse tekst ontbreekt (kolom label::nl).',
      },
      {
        sheet: 'survey',
        row: 6,
        column: 'name',
        message: 'De naam "hulp" staat al op rij 5. Elke naam mag maar één keer voorkomen.',
      },
      {
        sheet: 'survey',
        row: 7,
        column: 'show_if',
        message:
          'De voorwaarde noemt "later", maar die vraag komt pas later (rij 8). Een voorwaarde kan alleen kijken naar eerdere vragen.',
      },
    ])
  })

  it('refuses columns Peiling does not read, by name', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'constraint', 'appearance'],
        ['begin_group', 'start', null, 'Start', null, null],
        ['text', 'naam', '1', 'Opmerking?', 'string-length(.) < 20', 'multiline'],
        ['end_group', null, null, null, null, null],
      ],
      settings: [
        ['form_id', 'version', 'languages', 'title::nl', 'default_language'],
        ['proef', 1, 'nl', 'Proef', 'nl'],
      ],
    })
    const known =
      'type, name, number, required, show_if, parameters, concept, screen_out, label::<taal>, hint::<taal>, unit::<taal>, screen_out_text::<taal>'
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 1,
        column: 'constraint',
        message: `De kolom "constraint" kent Peiling niet. Bruikbare kolommen op dit blad: ${known}.`,
      },
      {
        sheet: 'survey',
        row: 1,
        column: 'appearance',
        message: `De kolom "appearance" kent Peiling niet. Bruikbare kolommen op dit blad: ${known}.`,
      },
      {
        sheet: 'settings',
        row: 1,
        column: 'default_language',
        message:
          'De kolom "default_language" kent Peiling niet. Bruikbare kolommen op dit blad: form_id, version, languages, title::<taal>, intro::<taal>, outro::<taal>.',
      },
    ])
  })

  it('puts what the definition checks find on the row the part came from', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'show_if'],
        ['begin_group', 'start', null, 'Start', null],
        ['select_one contact', 'contact', '1', 'Hoe had u contact?', null],
        ['begin_score eens', 'hulp', '2', 'De hulp …', 'contact = 7'],
        ['score__row', 'a', 'a', 'was goed', null],
        ['end_score', null, null, null, null],
        ['end_group', null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label::nl', 'other'],
        ['contact', 1, 'Telefoon', null],
        ['contact', 2, 'Balie', null],
        ['eens', 1, 'Eens', null],
        ['eens', 2, 'Anders, namelijk', 'yes'],
      ],
      settings: SETTINGS,
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'choices',
        row: 5,
        column: 'other',
        message: 'A grid scale cannot ask for an "other, namely" text.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'show_if',
        message: '7 is not a value of question "contact" (its values are 1, 2).',
      },
    ])
  })

  it('says what is wrong with a show_if it cannot read, and with groups left open', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'show_if'],
        ['begin_group', 'start', null, 'Start', null],
        ['yesno', 'hulp', '1', 'Kreeg u hulp?', null],
        ['yesno', 'meer', '2', 'Meer hulp?', 'hulp = ja'],
        ['yesno', 'nog', '3', 'Nog meer?', 'onbekend beantwoord'],
      ],
      settings: SETTINGS,
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message: 'Deze groep wordt niet gesloten. Zet een rij end_group onder de laatste vraag.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'show_if',
        message:
          'De voorwaarde "hulp = ja" is niet te lezen bij "ja". Schrijf bijvoorbeeld "vraag = 1", "vraag in (1, 2)" of "vraag beantwoord", en voeg delen samen met en, of, niet en haakjes.',
      },
      {
        sheet: 'survey',
        row: 5,
        column: 'show_if',
        message: 'De voorwaarde noemt "onbekend", maar er is geen vraag met die naam.',
      },
    ])
  })
})

describe('faults in settings, parameters and grids', () => {
  it('are listed with the cell to change', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'parameters', 'required'],
        ['begin_group', 'start', '1', 'Start', null, null],
        ['number', 'uren', '2', 'Hoeveel uur?', 'min=0 stap=1', 'misschien'],
        ['begin_score eens', 'hulp', '2', 'De hulp …', null, null],
        ['score__row', 'a', null, 'was goed', null, null],
        ['end_group', null, null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label::nl'],
        ['eens', 'een', 'Eens'],
        ['eens', 2, 'Oneens'],
        ['eens', 2, 'Helemaal oneens'],
      ],
      settings: [
        ['form_id', 'version', 'languages', 'title::en'],
        ['proef', 'twee', 'en nl', 'Trial'],
      ],
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'number',
        message: 'De kolom "number" hoort niet bij het type "begin_group". Maak de cel leeg.',
      },
      {
        sheet: 'survey',
        row: 3,
        column: 'required',
        message: 'Schrijf in de kolom required "yes" of "no", niet "misschien".',
      },
      {
        sheet: 'survey',
        row: 3,
        column: 'parameters',
        message: 'De parameter "stap" kent het type "number" niet. Bruikbaar: min, max.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'number',
        message: 'Het nummer "2" staat al op rij 3. Elk nummer mag maar één keer voorkomen.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'type',
        message: 'Deze vraag wordt niet gesloten. Zet een rij end_score onder de laatste score__row.',
      },
      { sheet: 'survey', row: 5, column: 'number', message: 'Deze vraag heeft geen nummer (kolom number).' },
      {
        sheet: 'choices',
        row: 2,
        column: 'name',
        message:
          'De waarde moet een heel getal zijn, bijvoorbeeld 1 of 99, niet "een". Alleen een rapportcijfer-lijst heeft een rij "1-10".',
      },
      {
        sheet: 'choices',
        row: 4,
        column: 'name',
        message: 'De waarde 2 staat al op rij 3 in de lijst "eens". Elk antwoord heeft een eigen waarde.',
      },
      {
        sheet: 'settings',
        row: 2,
        column: 'version',
        message: 'De versie moet een heel getal zijn van 1 of hoger, niet "twee".',
      },
      {
        sheet: 'settings',
        row: 2,
        column: 'languages',
        message:
          'Nederlands (nl) moet de eerste taal zijn: elke andere taal valt terug op het Nederlands. Nu staat er "en nl".',
      },
      {
        sheet: 'settings',
        row: 2,
        column: 'title::nl',
        message: 'De Nederlandse tekst ontbreekt (kolom title::nl).',
      },
    ])
  })
})

describe('concept keys in the survey sheet', () => {
  it('are well-formed and used once per version', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'concept'],
        ['begin_group', 'start', null, 'Start', null],
        ['grade', 'cijfer', '1', 'Welk cijfer?', 'tevredenheid'],
        ['yesno', 'hulp', '2', 'Kreeg u hulp?', 'Hulp gekregen'],
        ['begin_score eens', 'oordeel', '3', 'De hulp …', null],
        ['score__row', 'a', 'a', 'was goed', 'tevredenheid'],
        ['end_score', null, null, null, null],
        ['end_group', null, null, null, null],
      ],
      choices: [
        ['list_name', 'name', 'label::nl'],
        ['eens', 1, 'Eens'],
        ['eens', 2, 'Oneens'],
      ],
      settings: SETTINGS,
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 4,
        column: 'concept',
        message:
          'Het concept "Hulp gekregen" is geen geldige sleutel. Gebruik kleine letters, cijfers, _, - en punten, en begin met een letter.',
      },
      {
        sheet: 'survey',
        row: 6,
        column: 'concept',
        message: 'Het concept "tevredenheid" staat al op rij 3. Een concept wordt maar één keer per versie gemeten.',
      },
    ])
  })
})

describe('screen-out columns', () => {
  it('refuses an end text without the answers that end the questionnaire, and codes that are not codes', async () => {
    const errors = await faultsOf({
      survey: [
        ['type', 'name', 'number', 'label::nl', 'screen_out', 'screen_out_text::nl'],
        ['begin_group', 'start', null, 'Start', null, null],
        ['yesno', 'contact', '1', 'Had u contact met de gemeente?', null, 'Dan hoeft u niet verder.'],
        ['yesno', 'hulp', '2', 'Kreeg u hulp?', 'nee', 'Dank u wel.'],
        ['yesno', 'werk', '3', 'Heeft u werk?', '2', 'U hoort niet bij de groep. Dank u wel.'],
        ['end_group', null, null, null, null, null],
      ],
      settings: SETTINGS,
    })
    expect(where(errors)).toEqual([
      {
        sheet: 'survey',
        row: 3,
        column: 'screen_out',
        message:
          'Er staat een tekst in screen_out_text, maar in screen_out staat niet bij welke antwoorden de vragenlijst stopt.',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'screen_out',
        message:
          'In screen_out horen de codes van de antwoorden waarbij de vragenlijst stopt, zoals 3 of 3 4. Hier staat "nee".',
      },
    ])
  })
})
