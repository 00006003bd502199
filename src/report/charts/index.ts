/** The report's charts as standalone SVG, shared by the HTML page and the DOCX file. */
export { gradeDistributionSvg } from './grade-chart.ts'
export { statementsSvg } from './statements-chart.ts'
export type { ChartOptions } from './svg.ts'
