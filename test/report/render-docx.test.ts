/**
 * The report's Word file, unzipped and read back: the structure of the seed reports in
 * Word heading styles, "(N=…)" in headings and table titles, Dutch numbers, suppressed
 * figures replaced by a sentence, "-" for the municipality's own question, chart images
 * that are real PNGs with alternative text, and labels that stay text.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { renderReportDocx } from '#src/report/render-docx.ts'
import { readPng } from './_png.ts'
import { headings, paragraphs, rowsLabelled, tables, unzip } from './_docx.ts'
import { MALICIOUS_LABEL, sampleReport } from './sample-report.ts'

let files: Map<string, Buffer>
let xml: string

beforeAll(async () => {
  files = unzip(await renderReportDocx(sampleReport()))
  xml = files.get('word/document.xml')!.toString('utf8')
})

describe('renderReportDocx', () => {
  it('follows the seed reports in Word heading styles, so the navigation pane lists the chapters', () => {
    expect(headings(xml, 'Heading1')).toEqual([
      'Samenvatting',
      'Respons en betrouwbaarheid',
      'Waardering voor de dienstverlening',
      'Intakegesprek en eerste betaling',
      'Begeleiding naar werk',
      'Succes- en verbeterpunten',
      'Achtergrond van de respondenten',
      'Citaten',
      'Bijlage 1. Alle succes- en verbeterpunten',
      'Bijlage 2. Resultaten gemeente Hengelo (N=458)',
      'Bijlage 3. Resultaten gemeente Haaksbergen (N=170)',
    ])
    const text = paragraphs(xml).map((p) => p.text)
    expect(text.slice(0, 6)).toEqual(
      expect.arrayContaining([
        'Klanttevredenheidsonderzoek Werk en Inkomen 2026',
        'KTO Werk en Inkomen 2026',
        'Alle gemeenten samen',
        '6 december 2026',
      ]),
    )
  })

  it('puts the question and its N in every block heading and table title', () => {
    const blocks = headings(xml, 'Heading2')
    expect(blocks).toContain('1. Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen? (N=628)')
    expect(blocks).toContain('4. Wat vindt u van deze uitspraken over het intakegesprek? (N=628)')
    // In the appendix, the municipality's own N.
    expect(headings(xml, 'Heading3')).toContain(
      '1. Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen? (N=458)',
    )
    const captions = headings(xml, 'Caption')
    const tableTitles = captions.filter((c) => c.startsWith('Tabel'))
    expect(tableTitles).toContain(
      'Tabel 3. Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen? (N=628)',
    )
    // Every table of figures carries its N; the summary's and the response table are about the whole round.
    expect(tableTitles.filter((c) => !/\(N=\d+\)$/.test(c))).toEqual([
      'Tabel 1. De grootste verschillen met 2022',
      'Tabel 2. Respons en betrouwbaarheid per gemeente',
    ])
    expect(tables(xml)).toHaveLength(tableTitles.length)
  })

  it('prints means with a decimal comma and shares as whole percentages, with trend and reference columns', () => {
    const grade = tables(xml).find((t) => t.rows[1]?.[0] === 'Gemiddeld rapportcijfer')!
    expect(grade.rows[0]).toEqual(['', '2026', '2022', '2018', 'Referentiegroep'])
    expect(grade.rows[1]).toEqual(['Gemiddeld rapportcijfer', '7,6', '7,2 ▲', '7,1 ▲', '7,5'])
    expect(grade.rows[2]).toEqual(['% onvoldoende (1 tot en met 5)', '11%', '16% ▼', '18% ▼', '13%'])
    expect(xml).not.toMatch(/>7\.6</)
    // Under the chart, the fails against the reference group in words.
    const body = paragraphs(xml).map((p) => p.text)
    const chart = body.indexOf(
      'Figuur 1. Spreiding rapportcijfer: Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen?',
    )
    expect(body.slice(chart, chart + 4)).toContain(
      '11% van de respondenten geeft een onvoldoende (1 tot en met 5). In de referentiegroep is dat 13%.',
    )
    expect(paragraphs(xml).some((p) => p.text.startsWith('▲: in 2026 significant hoger dan in die kolom.'))).toBe(true)
    expect(paragraphs(xml).map((p) => p.text)).toContain(
      'De respondenten geven gemiddeld een 7,6 bij de vraag "Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen?". In 2022 was dat een 7,2. Het cijfer is significant hoger dan in 2022. De referentiegroep geeft gemiddeld een 7,5. Dat is vergelijkbaar met de referentiegroep.',
    )
  })

  it('prints "-" in the reference column of the municipality\'s own question, and explains it', () => {
    expect(rowsLabelled(xml, 'Gemiddeld aantal keer')[0]).toEqual(['Gemiddeld aantal keer', '4,3', '', '', '-'])
    expect(paragraphs(xml).map((p) => p.text)).toContain(
      '"-": eigen vraag van de gemeente. De referentiegroep heeft die vraag niet.',
    )
  })

  it('shows no figures for a suppressed statement or question, but says why', () => {
    const [row] = rowsLabelled(xml, 'Het re-integratiebedrijf sloot goed aan bij wat ik nodig had')
    expect(row).toEqual([
      'Het re-integratiebedrijf sloot goed aan bij wat ik nodig had',
      'Te weinig antwoorden om te tonen (minder dan 15).',
    ])
    const body = paragraphs(xml).map((p) => p.text)
    const suppressed = body.indexOf('7. Welk rapportcijfer geeft u voor uw werkplek? (N=11)')
    expect(body[suppressed + 1]).toBe('Te weinig antwoorden om te tonen (minder dan 15).')
    expect(rowsLabelled(xml, 'Gemiddeld rapportcijfer').map((r) => r[1])).not.toContain('te weinig')
  })

  it('keeps the statements note and the "Totaal 100%" row of single choice only', () => {
    const body = paragraphs(xml).map((p) => p.text)
    expect(body).toContain(
      'De tabel toont alleen het percentage dat het (helemaal) eens is. "Weet niet" telt niet mee.',
    )
    const single = tables(xml).find((t) => t.rows[1]?.[0] === 'Op het kantoor van Werk en Inkomen')!
    expect(single.rows.at(-1)).toEqual(['Totaal', '100%', '100%', '', '100%'])
    const multiple = tables(xml).find((t) => t.rows[1]?.[0] === 'Mijn uitkering')!
    expect(multiple.rows.map((r) => r[0])).not.toContain('Totaal')
    expect(body).toContain('Meer antwoorden mogelijk: samen kan het meer dan 100% zijn.')
  })

  it('shows the top five points as "Dit jaar | Referentiegroep" and all of them in the appendix', () => {
    const inText = tables(xml).filter((t) => t.rows[0]?.[1] === 'Dit jaar')
    expect(inText).toHaveLength(2)
    expect(inText[0]!.rows[0]).toEqual(['Punt', 'Dit jaar', 'Referentiegroep'])
    expect(inText[0]!.rows).toHaveLength(6)
    const appendix = tables(xml).find((t) => t.rows[0]?.[0] === 'Punt' && t.rows[0]?.[1] === '2026')!
    expect(appendix.rows).toHaveLength(8)
  })

  it('groups quotes under their question and category', () => {
    const body = paragraphs(xml)
    const at = body.findIndex((p) => p.text === 'Ik word vriendelijk behandeld' && p.style === 'Heading3')
    expect(body[at - 1]).toEqual({ style: 'Heading2', text: 'Wat gaat er goed bij Werk en Inkomen?' })
    expect(body[at + 1]!.text).toBe('"Ze zijn altijd vriendelijk en nemen de tijd voor mij."')
  })

  it('embeds each chart as a valid PNG at about 150 dpi, described for screen readers', () => {
    const media = [...files.keys()].filter((name) => name.startsWith('word/media/'))
    expect(media).toHaveLength(2)
    for (const name of media) {
      expect(name).toMatch(/\.png$/)
      const { width } = readPng(files.get(name)!)
      // 600 CSS pixels wide at 150 dpi.
      expect(width).toBeGreaterThanOrEqual(930)
    }
    const described = [...xml.matchAll(/<wp:docPr [^>]*title="([^"]*)"/g)].map((m) => m[1])
    expect(described).toEqual([
      'Spreiding rapportcijfer: Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen?',
      'Stellingen: Wat vindt u van deze uitspraken over het intakegesprek?',
    ])
    expect(xml).toMatch(/descr="Spreiding rapportcijfer: [^"]*1: 1%, 2: 1%/)
  })

  it('keeps markup in labels and quotes as text', () => {
    expect(xml).not.toContain('<script')
    expect(xml).not.toContain('<b>')
    expect(rowsLabelled(xml, MALICIOUS_LABEL)).toHaveLength(3)
    expect(paragraphs(xml).map((p) => p.text)).toContain('"Brieven zijn moeilijk <b>te lezen</b>."')
  })

  it('is an A4 document whose table header rows repeat on every page', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    for (const table of tables(xml)) {
      const firstRow = /<w:tr(?:\s[^>]*)?>(.*?)<\/w:tr>/s.exec(table.xml)![1]!
      expect(firstRow).toContain('<w:tblHeader/>')
    }
  })
})
