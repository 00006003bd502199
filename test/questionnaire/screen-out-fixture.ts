/**
 * A small questionnaire with a screen-out question, for the tests of screen-out
 * everywhere it shows: web form, storage, monitor, paper form, typist screen, export.
 *
 * Question 1 is a grade; question 2 asks about contact in the last 12 months, and its
 * answer 3 ("Nee, geen contact") ends the questionnaire; questions 3 and 4 follow for
 * everyone else.
 */
import type { LangText, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'

const t = (nl: string, en: string): LangText => ({ nl, en })

export const SCREEN_OUT_TEXT = t(
  'Deze vragenlijst is voor mensen die het afgelopen jaar contact hadden met Werk en Inkomen. U hoeft verder niets in te vullen. Bedankt voor uw moeite.',
  'This questionnaire is for people who were in contact with Work and Income in the past year. You do not need to fill in anything else. Thank you for your time.',
)

export function screenOutDefinition(): QuestionnaireDefinition {
  return {
    id: 'screen-out-test',
    version: 1,
    title: t('Proef met einde', 'Sample with an end'),
    languages: ['nl', 'en'],
    sections: [
      {
        id: 'contact',
        title: t('Contact', 'Contact'),
        questions: [
          { id: 'algemeen', number: '1', type: 'grade', text: t('Welk cijfer geeft u?', 'What score do you give?') },
          {
            id: 'contact_12m',
            number: '2',
            type: 'single',
            text: t(
              'Had u de afgelopen 12 maanden contact met Werk en Inkomen?',
              'Were you in contact with Work and Income in the last 12 months?',
            ),
            options: [
              { value: 1, label: t('Ja, één keer', 'Yes, once') },
              { value: 2, label: t('Ja, vaker', 'Yes, more often') },
              { value: 3, label: t('Nee, geen contact', 'No, no contact') },
            ],
            screenOut: { values: [3], text: SCREEN_OUT_TEXT },
          },
          { id: 'geholpen', number: '3', type: 'yesno', text: t('Werd u goed geholpen?', 'Were you helped well?') },
        ],
      },
      {
        id: 'slot',
        title: t('Tot slot', 'Finally'),
        questions: [
          { id: 'opmerking', number: '4', type: 'text', text: t('Wilt u nog iets zeggen?', 'Anything else?') },
        ],
      },
    ],
  }
}
