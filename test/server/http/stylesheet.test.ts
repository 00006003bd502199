import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { respondentStylesheet } from '#src/server/http/stylesheet.ts'
import type { TestApp } from '#test/helpers/app.ts'
import { createTestApp } from '#test/helpers/app.ts'

/** Shaped as municipalities publish their tokens: a theme class, media queries, a dark variant, thousands of tokens. */
const MUNICIPALITY_TOKENS = `
.voorbeeld-theme {
  --voorbeeld-color-groen-50: #00703c;
  --voorbeeld-color-wit: #ffffff;
  --utrecht-button-primary-action-background-color: var(--voorbeeld-color-groen-50);
  --utrecht-button-primary-action-color: var(--voorbeeld-color-wit);
  --utrecht-document-font-family: "Voorbeeld Sans", sans-serif;
${Array.from({ length: 3000 }, (_, i) => `  --utrecht-unused-token-${i}: ${i}px;`).join('\n')}
}
@media (min-width: 35em) { .voorbeeld-theme { --utrecht-button-primary-action-background-color: #000; } }
.voorbeeld-theme--dark { --utrecht-button-primary-action-background-color: #123456; }
`

describe('the stylesheet of the respondent pages', () => {
  it("sets every design token it uses from Peiling's neutral theme", () => {
    const { css, path: at } = respondentStylesheet()
    const theme = css.slice(0, css.indexOf('}') + 1)
    expect(theme).toContain('--utrecht-button-primary-action-background-color:#154273')
    const used = new Set([...css.matchAll(/var\((--[\w-]+)/g)].map((m) => m[1]))
    const set = new Set([...theme.matchAll(/(--[\w-]+):/g)].map((m) => m[1]))
    expect([...used].filter((token) => !set.has(token))).toEqual([])
    expect(at).toMatch(/^\/stijl\/[0-9a-f]{16}\.css$/)
  })

  it("takes a municipality's published token set instead, keeping only what the pages use", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tokens-'))
    const file = path.join(dir, 'tokens.css')
    writeFileSync(file, MUNICIPALITY_TOKENS)
    const { css, path: at } = respondentStylesheet(file)
    const theme = css.slice(0, css.indexOf('}') + 1)
    // The municipality's green, through the token it refers to; not the tablet or dark values.
    expect(theme).toContain('--utrecht-button-primary-action-background-color:var(--voorbeeld-color-groen-50)')
    expect(theme).toContain('--voorbeeld-color-groen-50:#00703c')
    expect(theme).toContain('--utrecht-document-font-family:"Voorbeeld Sans", sans-serif')
    expect(theme).not.toContain('#123456')
    expect(theme).not.toContain('unused-token')
    // What the municipality does not set keeps Peiling's value.
    expect(theme).toContain('--utrecht-feedback-danger-color:#b10e1e')
    expect(Buffer.byteLength(css)).toBeLessThan(12 * 1024)
    expect(at).not.toBe(respondentStylesheet().path)
  })

  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => t.close())

  it('comes inline on the first page of a visit (allowed by its hash alone), then as a file cached for good', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/' })
    const inline = /<style>([\s\S]*?)<\/style>/.exec(first.body)?.[1]
    expect(inline).toContain('--utrecht-button-primary-action-background-color')
    const hash = createHash('sha256').update(inline!).digest('base64')
    expect(String(first.headers['content-security-policy'])).toContain(`style-src 'self' 'sha256-${hash}'`)
    expect(first.body).toMatch(/<link rel="prefetch" href="\/stijl\/[0-9a-f]{16}\.css" as="style">/)
    const cookie = String(first.headers['set-cookie']).split(';')[0]!
    const start = await t.app.inject({ method: 'GET', url: '/', headers: { cookie } })
    expect(start.body).not.toContain('<style>')
    const href = /<link rel="stylesheet" href="(\/stijl\/[0-9a-f]{16}\.css)">/.exec(start.body)?.[1]
    expect(href).toBeDefined()
    const sheet = await t.app.inject({ method: 'GET', url: href! })
    expect(sheet.statusCode).toBe(200)
    expect(sheet.headers['content-type']).toBe('text/css; charset=utf-8')
    expect(sheet.headers['cache-control']).toContain('immutable')
    expect(sheet.body).toContain('--utrecht-button-primary-action-background-color')
    expect((await t.app.inject({ method: 'GET', url: '/stijl/0000000000000000.css' })).statusCode).toBe(404)
  })
})
