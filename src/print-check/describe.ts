/** The check's findings as sentences, from the catalogue: Dutch for staff, English on the command line. */
import { formatLoginCode } from '#src/codes/login-code.ts'
import type { Translate } from '#src/i18n/translate.ts'
import type { CollationProblem } from './collation.ts'
import type { PrintCheck } from './index.ts'

export function describeProblem(t: Translate, problem: CollationProblem): string {
  switch (problem.kind) {
    case 'outOfSequence': {
      const { page, sheet, after } = problem
      const place = { page, set: sheet.set, sheet: sheet.sheet, sheets: sheet.sheets }
      return after
        ? t('fieldwork.printCheck.problems.outOfSequence', { ...place, afterSet: after.set, afterSheet: after.sheet })
        : t('fieldwork.printCheck.problems.outOfSequenceFirst', place)
    }
    case 'duplicate':
      return t('fieldwork.printCheck.problems.duplicate', {
        page: problem.page,
        set: problem.sheet.set,
        sheet: problem.sheet.sheet,
      })
    case 'missingSheet':
      return t('fieldwork.printCheck.problems.missingSheet', { ...problem.sheet })
    case 'missingSet':
      return t('fieldwork.printCheck.problems.missingSet', { set: problem.set })
    case 'codeMismatch':
      return t('fieldwork.printCheck.problems.codeMismatch', {
        set: problem.set,
        page: problem.page,
        // A code read whole is shown as printed; from a mark only its end is known ("…R9C").
        expected: problem.expected.length === 10 ? formatLoginCode(problem.expected) : problem.expected,
        found: formatLoginCode(problem.found),
      })
  }
}

/** What was read, and the verdict, before the list of problems. */
export function summaryLines(t: Translate, check: PrintCheck): string[] {
  const lines = [
    t('fieldwork.printCheck.summary', { pages: check.pages, sheets: check.sheets, sets: check.sets }),
    t(`fieldwork.printCheck.source.${check.source}`),
  ]
  if (check.source !== 'printFile' && check.unreadablePages > 0)
    lines.push(t('fieldwork.printCheck.unreadable', { count: check.unreadablePages }))
  if (check.sheets === 0) lines.push(t('fieldwork.printCheck.noMarks'))
  else if (check.problems.length === 0) lines.push(t('fieldwork.printCheck.allGood'))
  else lines.push(t('fieldwork.printCheck.problemCount', { count: check.problems.length }))
  return lines
}
