/**
 * What a respondent's phone downloads and how soon it shows something: the bytes of
 * HTML, CSS and JavaScript of every questionnaire page (target: under 30 KB), and the
 * first contentful paint in Chromium on a phone-sized screen, from opening the QR link
 * with an empty cache (includes the sign-in redirect): on the loopback line as the
 * baseline, and on an emulated slow phone line (400 kbit/s, 400 ms round trip; target
 * 1.5 s). Then the height of every page in every client language on a 360×640 screen
 * (target: at most four screens).
 */
import { gzipSync } from 'node:zlib'
import type { Browser, Page } from 'playwright-core'
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

const SCREEN = 640
const MAX_SCREENS = 4
const PHONE = { viewport: { width: 360, height: SCREEN }, deviceScaleFactor: 2, isMobile: true, locale: 'nl-NL' }
/** The slow phone line of the target: 400 kbit/s both ways, 400 ms round trip. */
const SLOW_LINE = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 }

async function firstContentfulPaint(tab: Page): Promise<number> {
  return tab.evaluate(
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
}

/** Opens the QR link in a fresh phone (empty cache) and returns the first contentful paint. */
async function qrLinkPaint(browser: Browser, url: string, slow: boolean): Promise<number> {
  const context = await browser.newContext(PHONE)
  try {
    const tab = await context.newPage()
    if (slow) {
      const cdp = await context.newCDPSession(tab)
      await cdp.send('Network.enable')
      await cdp.send('Network.emulateNetworkConditions', SLOW_LINE)
    }
    await tab.goto(url, { waitUntil: 'load' })
    return await firstContentfulPaint(tab)
  } finally {
    await context.close()
  }
}

/** Walks the questionnaire as a client in `language` would (first answer everywhere) and measures each page's height. */
async function pageHeights(browser: Browser, url: string): Promise<Array<{ path: string; screens: number }>> {
  const context = await browser.newContext(PHONE)
  const tab = await context.newPage()
  const heights: Array<{ path: string; screens: number }> = []
  try {
    await tab.goto(url)
    for (let i = 0; i < 60; i++) {
      const path = new URL(tab.url()).pathname
      const height = await tab.evaluate(() => document.documentElement.scrollHeight)
      heights.push({ path: path.replace('/vragenlijst/', '').replace('deel/', ''), screens: height / SCREEN })
      if (path.endsWith('/overzicht')) break
      await tab.$$eval('form.questions input[type="radio"], form.questions input[type="checkbox"]', (inputs) => {
        const seen = new Set<string>()
        for (const input of inputs as HTMLInputElement[]) {
          if (seen.has(input.name)) continue
          seen.add(input.name)
          input.checked = true
        }
      })
      await Promise.all([tab.waitForNavigation(), tab.locator('form.questions button[value="next"]').click()])
    }
  } finally {
    await context.close()
  }
  return heights
}

export async function benchPageWeight(
  baseUrl: string,
  codes: string[],
  codeIn: Record<string, string>,
): Promise<Figure[]> {
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
    for (const code of codes.slice(1, 6)) paints.push(await qrLinkPaint(browser, `${baseUrl}/c/${code}`, false))
    const slowPaints: number[] = []
    for (const code of codes.slice(6, 11)) slowPaints.push(await qrLinkPaint(browser, `${baseUrl}/c/${code}`, true))
    const fast = median(paints)
    const slow = median(slowPaints)
    figures.push(
      {
        subject: 'first render',
        measure: `first contentful paint, QR link on a phone, empty cache, loopback (baseline, median of ${paints.length})`,
        value: Math.round(fast),
        unit: 'ms',
      },
      {
        subject: 'first render',
        measure: `the same on a slow phone line, 400 kbit/s and 400 ms round trip (median of ${slowPaints.length}; ${(slow / Math.max(fast, 1)).toFixed(1)}× the baseline)`,
        value: Math.round(slow),
        unit: 'ms',
        target: '≤ 1500 ms',
        met: slow <= 1500,
      },
    )
    for (const [language, code] of Object.entries(codeIn)) {
      const heights = await pageHeights(browser, `${baseUrl}/c/${code}`)
      const tallest = heights.reduce((a, b) => (b.screens > a.screens ? b : a))
      figures.push({
        subject: 'page height',
        measure: `${language}, screens of 360×640 per page: ${heights.map((h) => `${h.path} ${h.screens.toFixed(1)}`).join(', ')}`,
        value: +tallest.screens.toFixed(2),
        unit: `screens (tallest: ${tallest.path})`,
        target: `≤ ${MAX_SCREENS}`,
        met: tallest.screens <= MAX_SCREENS,
      })
    }
  } finally {
    await browser.close()
  }
  return figures
}
