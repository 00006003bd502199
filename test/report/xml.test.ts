/** Text from questionnaires and respondents in XML: escaped, and without what XML cannot hold. */
import { describe, expect, it } from 'vitest'
import { escapeXml, xmlSafe } from '#src/report/xml.ts'

describe('escapeXml', () => {
  it('turns markup into text', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;y&apos;',
    )
  })

  it('drops control characters and lone surrogates, keeps tabs, new lines and emoji', () => {
    expect(xmlSafe('a\u0001b\u000Bc\uD800d\uDC00e')).toBe('abcde')
    expect(xmlSafe('regel\n\ttwee 😀 ë')).toBe('regel\n\ttwee 😀 ë')
    expect(escapeXml('x\u0000<')).toBe('x&lt;')
  })
})
