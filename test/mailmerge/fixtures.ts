/** Letters, templates and questionnaires for the mailmerge tests. */
import { checkSymbol } from '#src/codes/login-code.ts'
import type { LangText, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { LetterData, LetterKind, LetterTemplate } from '#src/mailmerge/index.ts'
import { defaultTemplate } from '#src/mailmerge/index.ts'

/** A valid login code (check symbol included) from nine symbols. */
export function code(body: string): string {
  return body + checkSymbol(body)
}

/** Names that built-in PDF fonts garble. */
export const HARD_NAMES = ['Ayşe Yılmaz', 'Nguyễn Văn An', 'Mehmet Öztürk', 'Łukasz Kowalski', 'J. van der Meijer']

export function letter(overrides: Partial<LetterData> = {}): LetterData {
  const loginCode = overrides.code ?? code('K7QXM4TR9')
  return {
    code: loginCode,
    loginUrl: `https://enquete.example.nl/c/${loginCode}`,
    siteUrl: 'enquete.example.nl',
    name: 'J. van der Meijer',
    addressLines: ['Marktstraat 12', '7551 AB  HENGELO'],
    language: 'nl',
    stratumName: 'Hengelo',
    closingDate: '20 december 2026',
    letterDate: '1 december 2026',
    ...overrides,
  }
}

/** One letter per hard name, each with its own code. */
export function hardLetters(): LetterData[] {
  return HARD_NAMES.map((name, i) => letter({ name, code: code(`ABCDEFGH${'23456'[i]}`) }))
}

export function template(kind: LetterKind = 'invitation'): LetterTemplate {
  const t = defaultTemplate(kind)
  t.sender = {
    organisation: 'Gemeente Hengelo',
    department: 'Afdeling Werk en Inkomen',
    addressLines: ['Postbus 18', '7550 AA Hengelo'],
    returnAddress: 'Retouradres: Postbus 18, 7550 AA Hengelo',
    phone: '14 074',
    email: 'werkeninkomen@hengelo.nl',
    openingHours: 'maandag tot en met vrijdag 9.00–12.00 uur',
    replyAddress: ['Gemeente Hengelo', 'Antwoordnummer 1234', '7550 VB Hengelo'],
  }
  t.signature = { name: 'A. de Vries', role: 'Manager Werk en Inkomen' }
  t.reference = 'WI/KTO-2026'
  t.letterDate = '2026-12-01'
  return t
}

/**
 * A small questionnaire with every question type and the routing cases paper has to
 * put in words: a skipped question, a conditional section reached through it, a
 * municipality-only section, all/not, any/notEquals, multiple choice.
 */
export function paperDefinition(): QuestionnaireDefinition {
  const t = (nl: string, en?: string): LangText => (en ? { nl, en } : { nl })
  return {
    id: 'papier',
    version: 1,
    title: t('Proefvragenlijst', 'Sample questionnaire'),
    intro: t('Uw antwoorden zijn anoniem.', 'Your answers are anonymous.'),
    outro: t('Dank u wel!', 'Thank you!'),
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
        title: t('Start', 'Start'),
        questions: [
          {
            id: 'tevredenheid',
            number: '1',
            type: 'grade',
            text: t('Welk cijfer geeft u?', 'What score do you give?'),
            dontKnow: { value: 99, label: t('Weet niet', "Don't know") },
          },
          {
            id: 'contact',
            number: '2',
            type: 'single',
            text: t('Hoe had u contact?', 'How did you get in touch?'),
            options: [
              { value: 1, label: t('Telefoon', 'Phone') },
              { value: 2, label: t('Balie', 'Desk') },
              { value: 3, label: t('Anders, namelijk', 'Other, namely'), other: true },
            ],
          },
          {
            id: 'hulp',
            number: '3',
            type: 'yesno',
            text: t('Kreeg u hulp?', 'Did you get help?'),
            showIf: { question: 'contact', in: [1, 2] },
          },
        ],
      },
      {
        id: 'hulp_details',
        title: t('Hulp', 'Help'),
        showIf: { question: 'hulp', equals: 1 },
        questions: [
          {
            id: 'hulp_van',
            number: '4',
            type: 'multiple',
            text: t('Van wie?', 'From whom?'),
            max: 2,
            options: [
              { value: 1, label: t('Klantmanager') },
              { value: 2, label: t('Werkcoach', 'Job coach') },
              { value: 3, label: t('Anders, namelijk'), other: true },
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
            unit: t('uur', 'hours'),
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
        title: t('Tot slot', 'Finally'),
        questions: [
          { id: 'opmerking', number: '9', type: 'text', text: t('Opmerking?', 'Remark?'), maxLength: 20 },
          {
            id: 'toelichting',
            number: '10',
            type: 'longtext',
            text: t('Toelichting?', 'Explanation?'),
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
        ],
      },
    ],
  }
}

/** The shipped KTO questionnaire, parsed and validated the way the server reads it. */
export { loadKto as ktoDefinition } from '#test/questionnaire/kto.ts'

/**
 * A small questionnaire in Dutch and Arabic: the question kinds of the KTO, an answer
 * that skips a question, and Latin names, numbers and brackets inside Arabic texts.
 */
export function arabicDefinition(): QuestionnaireDefinition {
  const t = (nl: string, ar: string): LangText => ({ nl, ar })
  return {
    id: 'arabisch',
    version: 1,
    title: t('Proefvragenlijst', 'استبيان تجريبي'),
    intro: t('Uw antwoorden zijn anoniem.', 'إجاباتك مجهولة الهوية.'),
    outro: t('Dank u wel!', 'شكرا لك!'),
    languages: ['nl', 'ar'],
    scales: {
      agree: {
        type: 'options',
        options: [
          { value: 1, label: t('Eens', 'موافق') },
          { value: 2, label: t('Oneens', 'غير موافق') },
        ],
      },
    },
    sections: [
      {
        id: 'start',
        title: t('Over u', 'عنك'),
        questions: [
          {
            id: 'contact',
            number: '1',
            type: 'single',
            text: t('Hoe vaak had u contact met Werk en Inkomen?', 'كم مرة تواصلت مع Werk en Inkomen؟'),
            options: [
              { value: 1, label: t('Eén keer', 'مرة واحدة') },
              { value: 2, label: t('Nooit', 'أبدا') },
              { value: 3, label: t('Anders, namelijk', 'غير ذلك، وهو'), other: true },
            ],
          },
          {
            id: 'cijfer',
            number: '2',
            type: 'grade',
            text: t('Welk cijfer geeft u (1 tot 10)?', 'ما هي الدرجة التي تعطيها (من 1 إلى 10)؟'),
            showIf: { question: 'contact', in: [1, 3] },
          },
          {
            id: 'uren',
            number: '3',
            type: 'number',
            min: 0,
            max: 40,
            unit: t('uur', 'ساعات'),
            text: t('Hoeveel uur werkt u per week?', 'كم ساعة تعمل في الأسبوع؟'),
          },
          {
            id: 'stellingen',
            number: '4',
            type: 'grid',
            scale: 'agree',
            text: t('Wat vindt u van deze zinnen?', 'ما رأيك في هذه العبارات؟'),
            items: [
              { id: 'a', number: 'a', text: t('Ik werd snel geholpen', 'تمت مساعدتي بسرعة') },
              { id: 'b', number: 'b', text: t('Ik werd goed geholpen', 'تمت مساعدتي بشكل جيد') },
            ],
          },
        ],
      },
    ],
  }
}
