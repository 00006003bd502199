/**
 * What a respondent's phone downloads and how soon it shows something: the bytes of
 * HTML, CSS and JavaScript of every questionnaire page (target: under 30 KB), and the
 * first contentful paint in Chromium on a phone-sized screen, from opening the QR link
 * with an empty cache (includes the sign-in redirect).
 */
import { gzipSync } from 'node:zlib'
import { chromium } from 'playwright-core'
import { HttpRespondent } from '#test/helpers/server-process.ts'
import { firstChoices, readQuestionForm } from '#test/helpers/form.ts'
import type { Figure } from './figures.ts'
import { median } from './stats.ts'

const KB = 1024
const TARGET_BYTES = 30 * KB

/** Stylesheets and scripts a page links to, fetched once each. */
async function assets(baseUrl: string, html: string): Promise<{ css: number; js: number; gzip: number }> {
  let css = 0
  let js = 0
  let gzip = 0
  for (const m of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"/g)) {
    const body = Buffer.from(await (await fetch(new URL(m[1] ?? m[2]!, baseUrl))).arrayBuffer())
    if (m[1]) css += body.length
    else js += body.length
    gzip += gzipSync(body).length
  }
  for (const m of html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)) js += Buffer.byteLength(m[1]!)
  return { css, js, gzip }
}

export async function benchPageWeight(baseUrl: string, codes: string[]): Promise<Figure[]> {
  const phone = new HttpRespondent(baseUrl)
  let page = await phone.visit(`/c/${codes[0]}`)
  let html = await page.text()
  const pages: Array<{ path: string; html: number; gzip: number; css: number; js: number; assetsGzip: number }> = []
  // Walk the questionnaire picking the first option everywhere, so follow-up questions appear too.
  for (let i = 0; i < 40; i++) {
    const path = new URL(page.url).pathname
    const a = await assets(baseUrl, html)
    pages.push({
      path,
      html: Buffer.byteLength(html),
      gzip: gzipSync(html).length,
      css: a.css,
      js: a.js,
      assetsGzip: a.gzip,
    })
    if (path.endsWith('/overzicht')) break
    const form = readQuestionForm(html)
    const response = await phone.post(form.action, { ...firstChoices(form), action: 'next' })
    // 303: on to the next page; 200: the same page again, now with its follow-up questions.
    page = response.status === 303 ? await phone.visit(response.headers.get('location')!) : response
    html = await page.text()
  }
  const total = (p: (typeof pages)[number]) => p.html + p.css + p.js
  const heaviest = pages.reduce((a, b) => (total(b) > total(a) ? b : a))
  const first = pages[0]!

  const figures: Figure[] = [
    {
      subject: 'page weight',
      measure: `first page ${first.path} (HTML + CSS + JS)`,
      value: +(total(first) / KB).toFixed(1),
      unit: 'KB',
      target: '< 30 KB',
      met: total(first) < TARGET_BYTES,
    },
    {
      subject: 'page weight',
      measure: `heaviest page ${heaviest.path}: HTML ${(heaviest.html / KB).toFixed(1)} + CSS ${(heaviest.css / KB).toFixed(1)} + JS ${(heaviest.js / KB).toFixed(1)}`,
      value: +(total(heaviest) / KB).toFixed(1),
      unit: 'KB',
      target: '< 30 KB',
      met: total(heaviest) < TARGET_BYTES,
    },
    {
      subject: 'page weight',
      measure: `heaviest page gzipped (behind a compressing proxy)`,
      value: +((heaviest.gzip + heaviest.assetsGzip) / KB).toFixed(1),
      unit: 'KB',
    },
    { subject: 'page weight', measure: `pages walked`, value: pages.length },
  ]

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const paints: number[] = []
    for (const code of codes.slice(1, 6)) {
      const context = await browser.newContext({
        viewport: { width: 360, height: 640 },
        deviceScaleFactor: 2,
        isMobile: true,
        locale: 'nl-NL',
      })
      const tab = await context.newPage()
      await tab.goto(`${baseUrl}/c/${code}`, { waitUntil: 'load' })
      const fcp = await tab.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const entry = performance.getEntriesByName('first-contentful-paint')[0]
            if (entry) return resolve(entry.startTime)
            new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({
              type: 'paint',
              buffered: true,
            })
          }),
      )
      paints.push(fcp)
      await context.close()
    }
    figures.push({
      subject: 'first render',
      measure: `first contentful paint, QR link on a phone, empty cache (median of ${paints.length})`,
      value: Math.round(median(paints)),
      unit: 'ms',
    })
  } finally {
    await browser.close()
  }
  return figures
}
