/**
 * Reading staff pages the way an attacker surveys a site: every same-origin link under
 * /beheer and /invoer (a crawl), every form that posts, and a form's fields as a browser
 * would send them.
 */
import type { Browser } from '#test/helpers/app.ts'

const ORIGIN = 'http://peiling.test'

/** Downloads, signing out and language switches are not pages to look at (a language link only repeats a page). */
const SKIP = /\.(pdf|csv|xlsx|sps)(\?|$)|\/bestand\/|\/uitloggen|[?&](lang)=/

export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#x2F;|&#47;/g, '/')
    .replace(/&amp;/g, '&')
}

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {}
  for (const m of tag.matchAll(/\s([a-zA-Z_:-]+)(?:="([^"]*)")?/g))
    result[m[1]!.toLowerCase()] = decodeEntities(m[2] ?? '')
  return result
}

/** A staff path (with query) this link leads to, or undefined when it leads elsewhere. */
function staffPath(href: string, from: string): string | undefined {
  if (href.startsWith('#') || /^(mailto|tel|javascript|data):/i.test(href)) return undefined
  const url = new URL(decodeEntities(href), ORIGIN + from)
  if (url.origin !== ORIGIN || !/^\/(beheer|invoer)(\/|$)/.test(url.pathname)) return undefined
  const path = url.pathname + url.search
  return SKIP.test(path) ? undefined : path
}

export function linksOf(html: string, from: string): string[] {
  return [...html.matchAll(/<a\s[^>]*href="([^"]*)"/g)]
    .map((m) => staffPath(m[1]!, from))
    .filter((p): p is string => p !== undefined)
}

/** The actions of every `<form method="post">` on a page. */
export function postActionsOf(html: string, from: string): string[] {
  return [...html.matchAll(/<form\s[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .filter((a) => (a.method ?? '').toLowerCase() === 'post')
    .map((a) => new URL(a.action || from, ORIGIN + from))
    .map((u) => u.pathname + u.search)
}

export interface CrawledPage {
  url: string
  status: number
  body: string
}

/**
 * Visits every staff page reachable from the seeds by links, once each, and returns them.
 * Redirects are followed (their target is a page too).
 */
export async function crawl(browser: Browser, seeds: string[], limit = 400): Promise<CrawledPage[]> {
  const queue = [...seeds]
  const seen = new Set(queue)
  const pages: CrawledPage[] = []
  while (queue.length > 0) {
    if (pages.length >= limit)
      throw new Error(`crawl found more than ${limit} pages; is a link generating new addresses?`)
    const url = queue.shift()!
    const response = await browser.get(url)
    const body = response.body
    pages.push({ url, status: response.statusCode, body })
    const next =
      response.statusCode >= 300 && response.statusCode < 400
        ? [staffPath(String(response.headers.location), url)]
        : linksOf(body, url)
    for (const link of next) {
      if (link !== undefined && !seen.has(link)) {
        seen.add(link)
        queue.push(link)
      }
    }
  }
  return pages
}

/**
 * The fields a browser would send for the form (of this method) whose action starts with
 * `action`, as the page fills them in, as if its first named button were pressed.
 */
export function formFields(html: string, action: string, method: 'get' | 'post' = 'post'): Record<string, string> {
  const form = [...html.matchAll(/<form\s[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => {
      const a = attributes(/<form\s[^>]*>/.exec(f)![0])
      return (a.method ?? 'get').toLowerCase() === method && (a.action ?? '').startsWith(action)
    })
  if (!form) throw new Error(`no ${method} form to ${action} on this page`)
  const fields: Record<string, string> = {}
  for (const m of form.matchAll(/<input\s[^>]*>/g)) {
    const a = attributes(m[0])
    const type = (a.type ?? 'text').toLowerCase()
    // The token is the browser's own business (Browser.post adds it).
    if (!a.name || a.name === '_csrf' || type === 'file' || type === 'submit' || a.disabled !== undefined) continue
    if ((type === 'checkbox' || type === 'radio') && a.checked === undefined) continue
    fields[a.name] = a.value ?? (type === 'checkbox' ? 'on' : '')
  }
  for (const m of form.matchAll(/<textarea\s([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const a = attributes(` ${m[1]}`)
    if (a.name) fields[a.name] = decodeEntities(m[2]!)
  }
  for (const m of form.matchAll(/<select\s([^>]*)>([\s\S]*?)<\/select>/g)) {
    const a = attributes(` ${m[1]}`)
    if (!a.name) continue
    const options = [...m[2]!.matchAll(/<option\s[^>]*>/g)].map((o) => attributes(o[0]))
    fields[a.name] = (options.find((o) => o.selected !== undefined) ?? options[0])?.value ?? ''
  }
  const button = /<button\s[^>]*name="[^"]*"[^>]*>/.exec(form)
  if (button) {
    const a = attributes(button[0])
    fields[a.name!] ??= a.value ?? ''
  }
  return fields
}
