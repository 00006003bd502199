import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Question } from '#src/questionnaire/definition.ts'
import {
  allQuestions,
  parseDefinition,
  unansweredVisibleQuestions,
  validateAnswers,
  visibleQuestions,
} from '#src/questionnaire/index.ts'
import { KTO_FILE, loadKto } from './kto.ts'

const kto = loadKto()
const questions = allQuestions(kto)
const byId = (id: string): Question => {
  const q = questions.find((x) => x.id === id)
  if (!q) throw new Error(`no question ${id}`)
  return q
}
const ctx = { stratum: 'hengelo' }

describe('the shipped KTO Participatiewet definition', () => {
  it('validates', () => {
    const result = parseDefinition(readFileSync(KTO_FILE, 'utf8'), 'yaml')
    expect(result.ok ? [] : result.errors).toEqual([])
  })

  it('is the default questionnaire in Dutch, English, Turkish, Arabic and Polish', () => {
    expect(kto.id).toBe('kto-participatiewet')
    expect(kto.version).toBe(2)
    expect(kto.languages).toEqual(['nl', 'en', 'tr', 'ar', 'pl'])
    expect(kto.title.nl).toBe('Wat vindt u van Werk en Inkomen?')
    expect(kto.outro?.nl).toMatch(/dank/i)
  })

  it('has an intro that fits a phone screen on its own: three short sentences that say it is anonymous', () => {
    for (const language of kto.languages) {
      const intro = kto.intro?.[language] ?? ''
      const sentences = intro.split(/(?<=[.!?؟])\s+/).filter((s) => s.trim())
      expect(sentences.length, `${language}: ${intro}`).toBeLessThanOrEqual(3)
      for (const sentence of sentences) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(16)
    }
    expect(kto.intro?.nl).toContain('15 minuten')
    expect(kto.intro?.nl).toContain('Uw antwoorden zijn anoniem en hebben geen invloed op uw uitkering.')
    // What no longer fits in the intro is said where the questions start.
    expect(kto.sections[0]?.intro?.nl).toBe(
      'Er zijn geen goede of foute antwoorden. Weet u een antwoord niet? Sla de vraag dan over.',
    )
  })

  it('has 23 questions numbered 1 to 23 in order, in the 8 sections of the paper form', () => {
    expect(questions.map((q) => q.number)).toEqual(Array.from({ length: 23 }, (_, i) => String(i + 1)))
    expect(kto.sections.map((s) => s.id)).toEqual([
      'algemeen',
      'intake',
      'begeleiding',
      'werk',
      'klantmanagers',
      'balie_informatie',
      'over_uzelf',
      'tot_slot',
    ])
    expect(kto.sections.map((s) => s.questions.length)).toEqual([1, 3, 4, 3, 2, 3, 4, 3])
  })

  it('has the questions of the report, with their types', () => {
    expect(questions.map((q) => `${q.id}:${q.type}`)).toEqual([
      'rapportcijfer_dienstverlening:grade',
      'intake_wanneer:single',
      'intake_stellingen:grid',
      'eerste_betaling:grid',
      'begeleiding_werk:single',
      'begeleiding_door:multiple',
      'reintegratie_cijfers:grid',
      'traject_stellingen:grid',
      'parttimebaan:yesno',
      'kans_parttimebaan:single',
      'kans_baan_zonder_bijstand:single',
      'rapportcijfer_klantmanager:grade',
      'medewerkers_stellingen:grid',
      'balie:grid',
      'bereikbaarheid:grid',
      'informatie:grid',
      'duur_uitkering:single',
      'internet_thuis:yesno',
      'leeftijd:single',
      'geslacht:single',
      'punt_goed:multiple',
      'punt_verbeteren:multiple',
      'opmerkingen:longtext',
    ])
  })

  it('has every item of every grid on the right scale', () => {
    const grids = questions.flatMap((q) =>
      q.type === 'grid' ? [[q.id, q.scale, q.items.map((i) => i.id).join('')]] : [],
    )
    expect(grids).toEqual([
      ['intake_stellingen', 'agree', 'abcd'],
      ['eerste_betaling', 'agree', 'abc'],
      ['reintegratie_cijfers', 'grade', 'abcdef'],
      ['traject_stellingen', 'agree', 'abcd'],
      ['medewerkers_stellingen', 'agree', 'abcdefghijklmno'],
      ['balie', 'grade', 'ab'],
      ['bereikbaarheid', 'grade', 'abcde'],
      ['informatie', 'grade', 'abcde'],
    ])
  })

  it('uses the GRADE and AGREE scales of the report', () => {
    expect(kto.scales?.grade).toEqual({
      type: 'grade',
      dontKnow: {
        value: 99,
        label: {
          nl: 'Weet ik niet / geen ervaring',
          en: "Don't know / no experience",
          tr: 'Bilmiyorum / deneyimim yok',
          ar: 'لا أعرف / ليست لدي تجربة',
          pl: 'Nie wiem / nie mam doświadczenia',
        },
        missing: true,
      },
    })
    const agree = kto.scales?.agree
    expect(agree?.type).toBe('options')
    if (agree?.type !== 'options') return
    expect(agree.options.map((o) => [o.value, o.label.nl, o.missing ?? false])).toEqual([
      [1, 'Helemaal mee eens', false],
      [2, 'Mee eens', false],
      [3, 'Mee oneens', false],
      [4, 'Helemaal mee oneens', false],
      [99, 'Weet ik niet / geldt niet voor mij', true],
    ])
  })

  it('asks for an "other, namely" text in questions 21 and 22 only', () => {
    const withOther = questions.filter(
      (q) => (q.type === 'single' || q.type === 'multiple') && q.options.some((o) => o.other),
    )
    expect(withOther.map((q) => q.id)).toEqual(['punt_goed', 'punt_verbeteren'])
  })

  it('has every text in all five languages, none of them empty', () => {
    const missing: string[] = []
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`))
      if (node === null || typeof node !== 'object') return
      const record = node as Record<string, unknown>
      if (typeof record.nl === 'string') {
        const languages = Object.keys(record).sort().join(',')
        const empty = kto.languages.filter((l) => !String(record[l] ?? '').trim())
        if (languages !== 'ar,en,nl,pl,tr' || empty.length > 0) missing.push(`${path} (${languages})`)
        return
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`)
    }
    walk(kto, 'kto')
    expect(missing).toEqual([])
  })

  it('says the Dutch in plain words: no official jargon a client has to look up', () => {
    const dutch: string[] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk)
      if (node === null || typeof node !== 'object') return
      const record = node as Record<string, unknown>
      if (typeof record.nl === 'string') return void dutch.push(record.nl)
      Object.values(record).forEach(walk)
    }
    walk(kto)
    const jargon =
      /bejegening|n\.v\.t\.|re-?integratie|consulent|voorlichting|sancties|afstemming|dienstverlening|informatievoorziening|stiptheid|klanttevredenheid|efficiënt|vooroordelen/i
    expect(dutch.filter((text) => jargon.test(text))).toEqual([])
  })

  it('explains the words of Werk en Inkomen it keeps, where they first come up', () => {
    expect(byId('intake_wanneer').help?.nl).toContain('intakegesprek')
    expect(byId('begeleiding_door').help?.nl).toMatch(/klantmanager is/)
    expect(kto.sections.find((s) => s.id === 'begeleiding')?.intro?.nl).toMatch(/^Een traject is/)
    expect(byId('balie').help?.nl).toMatch(/^De balie is/)
  })

  it('asks questions 21 and 22 as the paper form counted them: any number of points, not "one point"', () => {
    for (const id of ['punt_goed', 'punt_verbeteren']) {
      const question = byId(id)
      expect(question.type).toBe('multiple')
      if (question.type !== 'multiple') return
      expect(question.max).toBeUndefined()
      expect(question.text.nl).not.toMatch(/één|een punt/i)
      expect(question.text.en).not.toMatch(/\bone\b/i)
    }
  })

  it('keeps the answer codes of version 1, so the codebook and earlier exports still match', () => {
    const codes = questions.flatMap((q) =>
      q.type === 'single' || q.type === 'multiple' ? [`${q.id}:${q.options.map((o) => o.value).join(',')}`] : [],
    )
    expect(codes).toEqual([
      'intake_wanneer:1,2',
      'begeleiding_werk:1,2,3',
      'begeleiding_door:1,2',
      'kans_parttimebaan:1,2,3,4',
      'kans_baan_zonder_bijstand:1,2,3,4',
      'duur_uitkering:1,2,3,4',
      'leeftijd:1,2,3,4,5,6',
      'geslacht:1,2,3',
      'punt_goed:1,2,3,4,5,6,7,8,9',
      'punt_verbeteren:1,2,3,4,5,6,7,8,9',
    ])
  })

  describe('routing', () => {
    const visible = (answers: Record<string, unknown>) => visibleQuestions(kto, answers, ctx).map((q) => q.id)

    it('asks the intake grids only after an intake less than a year ago', () => {
      expect(byId('intake_stellingen').showIf).toEqual({ question: 'intake_wanneer', equals: 1 })
      expect(byId('eerste_betaling').showIf).toEqual({ question: 'intake_wanneer', equals: 1 })
      expect(visible({ intake_wanneer: 1 })).toEqual(expect.arrayContaining(['intake_stellingen', 'eerste_betaling']))
      expect(visible({ intake_wanneer: 2 })).not.toContain('intake_stellingen')
      expect(visible({})).not.toContain('eerste_betaling')
    })

    it('asks questions 6–8 of those who get or got help finding work', () => {
      for (const id of ['begeleiding_door', 'reintegratie_cijfers', 'traject_stellingen']) {
        expect(byId(id).showIf).toEqual({ question: 'begeleiding_werk', in: [1, 2] })
      }
      expect(visible({ begeleiding_werk: 2 })).toEqual(
        expect.arrayContaining(['begeleiding_door', 'reintegratie_cijfers', 'traject_stellingen']),
      )
      expect(visible({ begeleiding_werk: 3 })).not.toContain('begeleiding_door')
    })

    it('asks question 10 only of those without a part-time job', () => {
      expect(byId('kans_parttimebaan').showIf).toEqual({ question: 'parttimebaan', equals: 2 })
      expect(visible({ parttimebaan: 2 })).toContain('kans_parttimebaan')
      expect(visible({ parttimebaan: 1 })).not.toContain('kans_parttimebaan')
    })

    it('shows a respondent without routed answers 17 questions', () => {
      expect(visible({})).toHaveLength(23 - 6)
      expect(unansweredVisibleQuestions(kto, {}, ctx)).toHaveLength(17)
    })
  })

  it('takes a complete paper form as keyed by a typist', () => {
    const keyed = {
      rapportcijfer_dienstverlening: '8',
      intake_wanneer: '1',
      intake_stellingen_a: '1',
      intake_stellingen_b: '2',
      intake_stellingen_c: '99',
      intake_stellingen_d: '3',
      begeleiding_werk: '3',
      begeleiding_door: '1',
      parttimebaan: '2',
      kans_parttimebaan: '4',
      kans_baan_zonder_bijstand: '4',
      medewerkers_stellingen_n: '4',
      balie_a: '99',
      leeftijd: '6',
      punt_goed: '1,5,9',
      punt_goed_other: 'De snelle hulp',
      opmerkingen: 'Dank u wel.',
    }
    const { answers, errors, dropped } = validateAnswers(kto, keyed, ctx)
    expect(errors).toEqual([])
    expect(dropped).toEqual(['begeleiding_door'])
    expect(answers).toMatchObject({
      rapportcijfer_dienstverlening: 8,
      intake_stellingen_c: 99,
      punt_goed: [1, 5, 9],
      punt_goed_other: 'De snelle hulp',
    })
  })
})
