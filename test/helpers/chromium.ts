/**
 * Headless Chromium (Debian's package) driven by playwright-core, and a real HTTP
 * server of the app on a loopback port for it to open.
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Browser as ChromiumBrowser, BrowserContextOptions } from 'playwright-core'
import { chromium } from 'playwright-core'
import type { TestApp } from './app.ts'
import { createTestApp } from './app.ts'
import type { AppConfig } from '#src/server/config.ts'
import { onFreePort } from '#test/setup/free-port.ts'

export const ARTIFACTS_DIR = path.resolve('test-artifacts')

export async function launchChromium(): Promise<ChromiumBrowser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 640 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
}
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'nl-NL' }

/** The app listening on 127.0.0.1 on a free port; `baseUrl` is where to point the browser. */
export async function startServedApp(overrides: Partial<AppConfig> = {}): Promise<TestApp & { baseUrl: string }> {
  const t = await createTestApp(overrides)
  const address = await onFreePort((port) => t.app.listen({ port, host: '127.0.0.1' }))
  return Object.assign(t, { baseUrl: address })
}

/** Where a test saves a screenshot for a person to look at: test-artifacts/<name>.png */
export function screenshotPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true })
  return path.join(ARTIFACTS_DIR, `${name}.png`)
}
