/**
 * The respondent pages' stylesheet: public/peiling.css, which styles with NL Design System
 * design tokens (the `--utrecht-*` custom properties), preceded by the values of those tokens. The values
 * come from Peiling's neutral theme (assets/design-tokens/peiling.css), overridden by a
 * municipality's own published token set when DESIGN_TOKENS names one. Only the tokens the
 * stylesheet uses (and the tokens those refer to) are kept: a published set holds
 * thousands, and a phone on a slow line should not pay for them.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import postcss from 'postcss'

const STYLESHEET = new URL('../../../public/peiling.css', import.meta.url)
const DEFAULT_TOKENS = new URL('../../../assets/design-tokens/peiling.css', import.meta.url)

export interface Stylesheet {
  css: string
  /** Where the pages link it: a content hash in the name, so it is cached for good. */
  path: string
  /**
   * The CSP source that allows exactly this stylesheet inline (`'sha256-…'`). The first
   * page of a visit carries it inline: on a slow phone line a stylesheet request is
   * another round trip before anything shows (`npm run bench`: first contentful paint).
   */
  inlineSource: string
}

const built = new Map<string, Stylesheet>()

/** Builds the stylesheet once per process; `tokensFile` is a municipality's token set, if any. */
export function respondentStylesheet(tokensFile?: string): Stylesheet {
  const known = built.get(tokensFile ?? '')
  if (known) return known
  const stylesheet = buildStylesheet(tokensFile)
  built.set(tokensFile ?? '', stylesheet)
  return stylesheet
}

function buildStylesheet(tokensFile?: string): Stylesheet {
  const rules = readFileSync(STYLESHEET, 'utf8')
  const values = tokenValues(readFileSync(DEFAULT_TOKENS, 'utf8'))
  if (tokensFile) for (const [name, value] of tokenValues(readFileSync(tokensFile, 'utf8'))) values.set(name, value)
  const kept = new Map<string, string>()
  const keep = (name: string) => {
    const value = values.get(name)
    if (value === undefined || kept.has(name)) return
    kept.set(name, value)
    for (const used of referencedTokens(value)) keep(used)
  }
  for (const name of referencedTokens(rules)) keep(name)
  const theme = `:root{${[...kept].map(([name, value]) => `${name}:${value}`).join(';')}}\n`
  const css = theme + rules
  // The first page of a visit carries it in a <style> element, which this would end.
  if (/<\/style/i.test(css)) throw new Error('The stylesheet or its design tokens contain "</style"')
  return {
    css,
    path: `/stijl/${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`,
    inlineSource: `'sha256-${createHash('sha256').update(css).digest('base64')}'`,
  }
}

/**
 * The custom properties a token file declares outside media queries and dark themes (a
 * published set also holds those; the pages use the default light one), later ones winning.
 */
function tokenValues(css: string): Map<string, string> {
  const values = new Map<string, string>()
  postcss.parse(css).walkDecls(/^--/, (decl) => {
    const rule = decl.parent
    if (rule?.type !== 'rule' || rule.parent?.type !== 'root') return
    if (/dark/i.test((rule as postcss.Rule).selector)) return
    values.set(decl.prop, decl.value)
  })
  return values
}

function referencedTokens(css: string): Set<string> {
  return new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!))
}
