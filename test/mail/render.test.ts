import { describe, expect, it } from 'vitest'
import type { EmailValues } from '#src/mail/render.ts'
import { renderEmail } from '#src/mail/render.ts'

const values: EmailValues = {
  naam: 'G. <script>alert(1)</script> & "Zn"',
  code: 'K7QXM-4TR9C',
  url: 'https://peiling.example.nl',
  link: 'https://peiling.example.nl/c/K7QXM4TR9C',
  sluitingsdatum: '20 december 2026',
  gemeente: 'Hengelo',
  afzender: 'Afdeling Werk en Inkomen\nGemeente Hengelo',
}

describe('invitation and reminder e-mails', () => {
  it('has the code and the personal link in plain text and HTML, and nothing that tracks', () => {
    const mail = renderEmail('invitation', 'nl', values)
    expect(mail.subject).toBe('Wat vindt u van Werk en Inkomen?')
    expect(mail.text).toContain('Beste G. <script>alert(1)</script> & "Zn",')
    expect(mail.text).toContain('https://peiling.example.nl/c/K7QXM4TR9C')
    expect(mail.text).toContain('typ uw inlogcode: K7QXM-4TR9C')
    expect(mail.text).toContain('tot en met 20 december 2026')
    expect(mail.html).toContain('<a href="https://peiling.example.nl/c/K7QXM4TR9C">')
    expect(mail.html).toContain('Beste G. &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zn&quot;,')
    expect(mail.html).not.toContain('<script>')
    expect(mail.html).not.toMatch(/<img|url\(|background/i)
    expect(mail.html).toContain('Afdeling Werk en Inkomen<br>Gemeente Hengelo')
    expect(mail.html.match(/<a /g)).toHaveLength(1)
  })

  it("is in the reader's language where there is an e-mail text in it, else in Dutch", () => {
    expect(renderEmail('reminder', 'en', values).subject).toBe('Reminder: what do you think of Work and Income?')
    const turkish = renderEmail('reminder', 'tr', values)
    expect(turkish.language).toBe('tr')
    expect(turkish.subject).toBe('Hatırlatma: Çalışma ve Gelir Birimi hakkında ne düşünüyorsunuz?')
    expect(turkish.text).toContain('Sayın G. <script>alert(1)</script> & "Zn",')
    expect(turkish.text).toContain('giriş kodunuzu yazın: K7QXM-4TR9C')
    expect(turkish.html).toContain('<html lang="tr" dir="ltr">')
    const polish = renderEmail('invitation', 'pl', values)
    expect(polish.text).toContain('do 20 december 2026 włącznie')
    expect(polish.html.match(/<a /g)).toHaveLength(1)
    const somali = renderEmail('reminder', 'so', values)
    expect(somali.language).toBe('nl')
    expect(somali.text).toContain('Heeft u al meegedaan? Dan kunt u deze e-mail vergeten.')
  })

  it('is written right to left in Arabic, with the code and link as they are', () => {
    const arabic = renderEmail('invitation', 'ar', values)
    expect(arabic.language).toBe('ar')
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">')
    expect(arabic.text).toContain('رمز الدخول الخاص بكم: K7QXM-4TR9C')
    expect(arabic.html).toContain('<a href="https://peiling.example.nl/c/K7QXM4TR9C">')
    expect(renderEmail('invitation', 'nl', values).html).toContain('<html lang="nl" dir="ltr">')
  })
})
