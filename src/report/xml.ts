/**
 * Text from respondents and researchers goes into XML twice: the charts (SVG) and the
 * Word file. A "<" in a label must stay a character, and a control character pasted from
 * another program (XML 1.0 forbids most of them) would make Word refuse the whole file.
 */

// Characters XML 1.0 does not allow at all, not even escaped; lone surrogate halves too.
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text without the characters XML cannot hold; for libraries that escape the rest themselves. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '')
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** The text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}
