/**
 * A workbook as a researcher who knows XLSForm fills it in by hand: ODK's column
 * headings, `relevant` with `${…}`, "begin group" with a space, one choice list for two
 * questions, a grade with a "don't know".
 */
import { describe, expect, it } from 'vitest'
import { readQuestionnaireWorkbook } from '#src/questionnaire/xlsform/index.ts'
import { workbook } from './_workbook.ts'

describe('a hand-made workbook', () => {
  it('becomes the definition it describes', async () => {
    const data = await workbook({
      survey: [
        [
          'type',
          'name',
          'number',
          'label::Dutch (nl)',
          'label::English (en)',
          'hint::nl',
          'relevant',
          'required',
          'parameters',
          'concept',
        ],
        [
          'begin group',
          'contact',
          null,
          'Uw contact',
          'Your contact',
          'Over de afgelopen 12 maanden.',
          null,
          null,
          null,
          null,
        ],
        [
          'grade cijfer',
          'oordeel',
          '1',
          'Welk cijfer geeft u?',
          'What score?',
          null,
          null,
          'yes',
          null,
          'tevredenheid_algemeen',
        ],
        [
          'select_one eens',
          'snel',
          '2',
          'Ik werd snel geholpen',
          null,
          null,
          `${'$'}{oordeel} != 99`,
          null,
          null,
          null,
        ],
        [
          'select_one eens',
          'vriendelijk',
          '3',
          'Ik werd vriendelijk geholpen',
          null,
          null,
          null,
          null,
          'ordered=yes',
          null,
        ],
        [
          'number',
          'uren',
          '4',
          'Hoeveel uur per week werkt u?',
          null,
          null,
          'snel in (1, 2) en stratum = borne',
          null,
          'min=0 max=40',
          null,
        ],
        ['end group', null, null, null, null, null, null, null, null, null],
        ['begin_group', 'stellingen', null, 'Stellingen', null, null, null, null, null, null],
        ['begin_score eens', 'hulp', '5', 'De hulp …', null, null, null, null, null, null],
        ['score__row', 'a', 'a', 'was goed', 'was good', null, null, null, null, 'hulp.kwaliteit'],
        ['end_score', null, null, null, null, null, null, null, null, null],
        ['end_group', null, null, null, null, null, null, null, null, null],
      ],
      choices: [
        ['list_name', 'value', 'label::Dutch (nl)', 'label::English (en)', 'missing'],
        ['cijfer', '1-10', null, null, null],
        ['cijfer', 99, 'Weet ik niet', "Don't know", 'yes'],
        ['eens', 1, 'Eens', 'Agree', null],
        ['eens', 2, 'Oneens', 'Disagree', null],
      ],
      settings: [
        ['form_id', 'version', 'languages', 'title::nl', 'title::en'],
        ['proef', 3, 'nl, en', 'Proef', 'Trial'],
      ],
    })
    const result = await readQuestionnaireWorkbook(data)
    if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 1))
    const agree = [
      { value: 1, label: { nl: 'Eens', en: 'Agree' } },
      { value: 2, label: { nl: 'Oneens', en: 'Disagree' } },
    ]
    expect(result.definition).toStrictEqual({
      id: 'proef',
      version: 3,
      languages: ['nl', 'en'],
      title: { nl: 'Proef', en: 'Trial' },
      scales: { eens: { type: 'options', options: agree } },
      sections: [
        {
          id: 'contact',
          title: { nl: 'Uw contact', en: 'Your contact' },
          intro: { nl: 'Over de afgelopen 12 maanden.' },
          questions: [
            {
              id: 'oordeel',
              number: '1',
              type: 'grade',
              text: { nl: 'Welk cijfer geeft u?', en: 'What score?' },
              required: true,
              concept: 'tevredenheid_algemeen',
              dontKnow: { value: 99, label: { nl: 'Weet ik niet', en: "Don't know" }, missing: true },
            },
            {
              id: 'snel',
              number: '2',
              type: 'single',
              text: { nl: 'Ik werd snel geholpen' },
              showIf: { question: 'oordeel', notEquals: 99 },
              options: agree,
            },
            {
              id: 'vriendelijk',
              number: '3',
              type: 'single',
              text: { nl: 'Ik werd vriendelijk geholpen' },
              ordered: true,
              options: agree,
            },
            {
              id: 'uren',
              number: '4',
              type: 'number',
              text: { nl: 'Hoeveel uur per week werkt u?' },
              showIf: { all: [{ question: 'snel', in: [1, 2] }, { stratum: ['borne'] }] },
              min: 0,
              max: 40,
            },
          ],
        },
        {
          id: 'stellingen',
          title: { nl: 'Stellingen' },
          questions: [
            {
              id: 'hulp',
              number: '5',
              type: 'grid',
              scale: 'eens',
              text: { nl: 'De hulp …' },
              items: [{ id: 'a', number: 'a', text: { nl: 'was goed', en: 'was good' }, concept: 'hulp.kwaliteit' }],
            },
          ],
        },
      ],
    })
  })
})
