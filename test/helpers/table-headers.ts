/**
 * The header cells of a page that give a screen reader nothing to announce: no text,
 * visible or visually hidden (axe-core's best-practice rule empty-table-header, which the
 * WCAG 2.1 AA runs of the browser tests leave out).
 */
export function emptyTableHeaders(html: string): string[] {
  return [...html.matchAll(/<th\b[^>]*>([\s\S]*?)<\/th>/g)]
    .filter((cell) => cell[1]!.replace(/<[^>]+>/g, '').trim() === '')
    .map((cell) => cell[0])
}
