/** The report's charts as inline SVG, shared by the HTML page and the DOCX file. */
import type { GradeBlock, StatementsBlock } from '../model.ts'

// Placeholders until the charts land: the tables behind the charts carry the figures.
export function gradeDistributionSvg(_block: GradeBlock, _title: string): string {
  return ''
}

export function statementsSvg(_block: StatementsBlock, _title: string): string {
  return ''
}
