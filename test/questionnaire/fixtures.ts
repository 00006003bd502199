/**
 * A small definition that uses every feature of the format, for tests that need more
 * than the KTO exercises: stratum routing, chained routing, all/any/not, a number
 * question, a capped multiple choice, a required question.
 *
 * Routing chain: contact (1|2) → hulp → section hulp_details (hulp = 1) → hulp_uren
 * (hulp_van = 2). Changing `contact` to 3 hides all of them, one after the other.
 */
import type { LangText, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'

const t = (nl: string, en?: string): LangText => (en ? { nl, en } : { nl })

export function sampleDefinition(): QuestionnaireDefinition {
  return {
    id: 'sample',
    version: 1,
    title: t('Proef', 'Sample'),
    languages: ['nl', 'en'],
    scales: {
      agree: {
        type: 'options',
        options: [
          { value: 1, label: t('Eens', 'Agree') },
          { value: 2, label: t('Oneens', 'Disagree') },
          { value: 99, label: t('Weet niet', "Don't know"), missing: true },
        ],
      },
      grade: { type: 'grade', dontKnow: { value: 99, label: t('Weet niet', "Don't know") } },
    },
    sections: [
      {
        id: 'start',
        title: t('Start'),
        questions: [
          {
            id: 'tevredenheid',
            number: '1',
            type: 'grade',
            text: t('Cijfer?', 'Score?'),
            dontKnow: { value: 99, label: t('Weet niet') },
          },
          {
            id: 'contact',
            number: '2',
            type: 'single',
            text: t('Hoe had u contact?'),
            options: [
              { value: 1, label: t('Telefoon') },
              { value: 2, label: t('Balie') },
              { value: 3, label: t('Anders, namelijk'), other: true },
            ],
          },
          {
            id: 'hulp',
            number: '3',
            type: 'yesno',
            text: t('Kreeg u hulp?'),
            showIf: { question: 'contact', in: [1, 2] },
          },
        ],
      },
      {
        id: 'hulp_details',
        title: t('Hulp'),
        showIf: { question: 'hulp', equals: 1 },
        questions: [
          {
            id: 'hulp_van',
            number: '4',
            type: 'multiple',
            text: t('Van wie?'),
            max: 2,
            options: [
              { value: 1, label: t('Klantmanager') },
              { value: 2, label: t('Werkcoach') },
              { value: 3, label: t('Familie') },
              { value: 4, label: t('Anders, namelijk'), other: true },
            ],
          },
          {
            id: 'hulp_oordeel',
            number: '5',
            type: 'grid',
            scale: 'agree',
            text: t('De hulp …'),
            items: [
              { id: 'a', number: 'a', text: t('was snel') },
              { id: 'b', number: 'b', text: t('was goed') },
            ],
          },
          {
            id: 'hulp_uren',
            number: '6',
            type: 'number',
            text: t('Hoeveel uur per week?'),
            min: 0,
            max: 40,
            showIf: { question: 'hulp_van', equals: 2 },
          },
        ],
      },
      {
        id: 'leergeld',
        title: t('Stichting Leergeld'),
        showIf: { stratum: ['haaksbergen'] },
        questions: [
          { id: 'leergeld_bekend', number: '7', type: 'yesno', text: t('Kent u Stichting Leergeld?') },
          {
            id: 'leergeld_cijfer',
            number: '8',
            type: 'grade',
            text: t('Cijfer voor Stichting Leergeld?'),
            showIf: {
              all: [{ question: 'leergeld_bekend', equals: 1 }, { not: { question: 'tevredenheid', equals: 99 } }],
            },
          },
        ],
      },
      {
        id: 'slot',
        title: t('Tot slot'),
        questions: [
          { id: 'opmerking', number: '9', type: 'text', text: t('Opmerking?'), maxLength: 20 },
          {
            id: 'toelichting',
            number: '10',
            type: 'longtext',
            text: t('Toelichting?'),
            showIf: {
              any: [
                { question: 'opmerking', answered: true },
                { question: 'hulp', notEquals: 1 },
              ],
            },
          },
          {
            id: 'cijfers_rooster',
            number: '11',
            type: 'grid',
            scale: 'grade',
            text: t('Cijfer voor …'),
            items: [{ id: 'a', number: 'a', text: t('de balie') }],
          },
          {
            id: 'vervolg',
            number: '12',
            type: 'single',
            required: true,
            text: t('Mogen wij u later nog iets vragen?'),
            options: [
              { value: 1, label: t('Ja') },
              { value: 2, label: t('Nee') },
            ],
          },
        ],
      },
    ],
  }
}

export const HENGELO = { stratum: 'hengelo' }
export const HAAKSBERGEN = { stratum: 'haaksbergen' }
