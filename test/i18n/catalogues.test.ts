/**
 * The type checker holds every language to the Dutch shape; this holds the texts
 * themselves: none empty, the same placeholders in every language, and no Dutch text left
 * untranslated unless it is listed below as knowingly the same. A staff language has every
 * Dutch text; any other language has the texts a client meets (RESPONDENT_GROUPS), and
 * only those.
 */
import { describe, expect, it } from 'vitest'
import { catalogue, isStaffLanguage, RESPONDENT_GROUPS, translator, UI_LANGUAGES } from '#src/i18n/translate.ts'
import { leafTexts, placeholders } from './leaf-texts.ts'

/**
 * Texts that are knowingly the same as the Dutch in that language: names, and words that
 * are spelt the same. Anything else identical to the Dutch is a text nobody translated.
 */
const SAME_AS_DUTCH: Record<string, readonly string[]> = {
  en: [
    'common.appName',
    'common.footer.privacy',
    'respondent.privacy.cookieTitle',
    'staff.nav.accounts',
    'fieldwork.import.postcode',
    'fieldwork.import.email',
    'fieldwork.letters.downloadPdf',
    'fieldwork.printSets.markSet',
    'fieldwork.letters.template.fields.logo',
    'fieldwork.mailings.channels.email',
    'fieldwork.mailings.marked',
    'management.accounts.title',
    'management.accounts.state',
    'management.rounds.columns.status',
    'management.rounds.statuses.open',
    'management.rounds.tabs.export',
    'management.rounds.lifecycle.title',
    'management.monitor.online',
    'management.monitor.channels.email',
    'management.audit.details.labels.userId',
    'management.audit.details.labels.logo',
    'management.audit.details.labels.which',
    'management.audit.details.values.format.csv',
    'management.audit.details.values.format.xlsx',
    'management.audit.details.values.format.spss',
    'management.export.title',
    'management.translations.columns.status',
    'management.audit.details.labels.reviewStatus',
    'management.export.codebookColumns.label',
    'management.export.codebookColumns.type',
    'paper.code',
    'questionnaire.codebook.routing.stratum',
    'management.audit.details.values.format.yaml',
    'management.questionnaires.roundLink',
    'management.questionnaires.fault.plain',
    'management.questionnaires.diff.concept',
    'management.questionnaires.diff.before',
    'report.chart.statementDescription',
    'report.block.heading',
    'report.points.heading',
    'report.table.share',
  ],
  tr: ['common.appName'],
  ar: ['common.appName'],
  pl: ['common.appName'],
}

const dutch = leafTexts(catalogue('nl'))

/**
 * The layout of a multi-line text: paragraphs (split by a blank line, `|`), and in each
 * a line per character: `-` a list line, `L` the e-mail's link on its own, `.` text.
 */
function layout(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => (line.startsWith('- ') ? '-' : line.trim() === '{link}' ? 'L' : '.'))
        .join(''),
    )
    .join('|')
}

describe('the Dutch catalogue', () => {
  it('holds only non-empty texts', () => {
    expect(dutch.size).toBeGreaterThan(500)
    const notText = [...dutch].filter(([, text]) => typeof text !== 'string' || text.trim() === '').map(([k]) => k)
    expect(notText).toEqual([])
  })
})

/** The Dutch texts a language must have: all of them for a staff language, else the client's groups. */
function dutchFor(language: string): Map<string, unknown> {
  if (isStaffLanguage(language)) return dutch
  const groups: readonly string[] = RESPONDENT_GROUPS
  return new Map([...dutch].filter(([key]) => groups.includes(key.split('.')[0]!)))
}

describe('the respondent groups', () => {
  it('hold the texts a client meets, and none of the staff pages', () => {
    const clientOnly = dutchFor('tr')
    expect(clientOnly.has('respondent.login.submit')).toBe(true)
    expect(clientOnly.has('letter.invitation.body')).toBe(true)
    expect(clientOnly.has('paper.routing.chose')).toBe(true)
    expect([...clientOnly.keys()].filter((key) => /^(staff|fieldwork|typist|management)\./.test(key))).toEqual([])
  })
})

describe.each(UI_LANGUAGES.filter((language) => language !== 'nl'))('the %s catalogue', (language) => {
  const texts = leafTexts(catalogue(language))
  const dutch = dutchFor(language)

  it('has every Dutch key, and no other', () => {
    expect([...dutch.keys()].filter((key) => !texts.has(key))).toEqual([])
    expect([...texts.keys()].filter((key) => !dutch.has(key))).toEqual([])
  })

  it('has a text for every key, with the placeholders of the Dutch text', () => {
    const problems: string[] = []
    for (const [key, nl] of dutch) {
      const text = texts.get(key)
      if (typeof text !== 'string' || text.trim() === '') problems.push(`${key}: no text`)
      else if (placeholders(text).join() !== placeholders(String(nl)).join())
        problems.push(
          `${key}: {${placeholders(text).join('} {')}} instead of {${placeholders(String(nl)).join('} {')}}`,
        )
    }
    expect(problems).toEqual([])
  })

  it('keeps the paragraphs, list lines and line breaks of the Dutch letters, e-mails and paper steps', () => {
    const problems: string[] = []
    for (const [key, nl] of dutch) {
      const text = texts.get(key)
      if (typeof nl !== 'string' || !nl.includes('\n') || typeof text !== 'string') continue
      if (layout(text) !== layout(nl)) problems.push(`${key}: ${layout(text)} instead of ${layout(nl)}`)
    }
    expect(problems).toEqual([])
  })

  it('translates every text, except those knowingly the same as the Dutch', () => {
    const known = SAME_AS_DUTCH[language] ?? []
    const untranslated = [...dutch].filter(([key, nl]) => texts.get(key) === nl && !known.includes(key)).map(([k]) => k)
    expect(untranslated).toEqual([])
    // The list stays honest: a text translated since is taken off it.
    expect(known.filter((key) => texts.get(key) !== dutch.get(key))).toEqual([])
  })
})

describe('translator', () => {
  it('falls back to Dutch for a language without a catalogue, and fills placeholders', () => {
    expect(translator('de')('paper.goTo', { number: 5 })).toBe('Ga door naar vraag 5')
    expect(translator('en')('paper.goTo', { number: 5 })).toBe('Go to question 5')
    expect(translator('en')('paper.goTo', { other: 5 })).toBe('Go to question {number}')
  })

  it('serves a staff text in Dutch to a client language, which has none of its own', () => {
    expect(translator('tr')('staff.nav.accounts')).toBe(translator('nl')('staff.nav.accounts'))
    expect(translator('tr')('paper.goTo', { number: 5 })).toBe('5. soruya geçin')
  })

  it('accepts only keys that exist', () => {
    const t = translator('nl')
    // @ts-expect-error A typo in a key is a type error...
    expect(() => t('staff.auth.titel')).toThrow('Missing UI text: staff.auth.titel')
    // @ts-expect-error ...and so is a group that holds texts rather than being one.
    expect(() => t('staff.auth')).toThrow('Missing UI text: staff.auth')
  })
})
