/** Which answers of the KTO are open answers, and the category each is quoted under. */
import { describe, expect, it } from 'vitest'
import { openAnswersOf, openVariables, saysNothing } from '#src/report/quotes/open-answers.ts'
import { loadKto } from '#test/questionnaire/kto.ts'

const kto = loadKto()

describe('open answers of the KTO', () => {
  it('are the free-text question and the "anders, namelijk" texts, under the names of the data set', () => {
    expect(openVariables(kto).map((v) => [v.variable, v.exportName])).toEqual([
      ['punt_goed_other', 'punt_goed_anders'],
      ['punt_verbeteren_other', 'punt_verbeteren_anders'],
      ['opmerkingen', 'opmerkingen'],
    ])
  })

  it('puts an "anders, namelijk" text under the other option, and a remark under what should improve', () => {
    const answers = openAnswersOf(kto, {
      punt_verbeteren: [4, 3, 9],
      punt_verbeteren_other: 'Mevrouw Jansen belt nooit terug',
      opmerkingen: 'Meer tijd voor mij',
    })
    expect(answers).toEqual([
      {
        variable: 'punt_verbeteren_other',
        text: 'Mevrouw Jansen belt nooit terug',
        category: 'Anders, namelijk …',
        categoryOrder: 8,
      },
      {
        variable: 'opmerkingen',
        text: 'Meer tijd voor mij',
        category: 'Meer tijd nemen voor de klant; Sneller en beter antwoord geven op vragen; Anders, namelijk …',
        categoryOrder: 2,
      },
    ])
  })

  it('gives a remark no category when nothing was ticked before it', () => {
    expect(openAnswersOf(kto, { opmerkingen: 'Prima zo' })).toEqual([
      { variable: 'opmerkingen', text: 'Prima zo', category: null, categoryOrder: Number.POSITIVE_INFINITY },
    ])
  })

  it('leaves out empty answers and answers that say there is nothing to improve', () => {
    for (const nothing of ['', '  ', '-', '...', 'Geen', 'geen.', 'NEE', 'niets!', 'Geen verbeterpunten', 'n.v.t.'])
      expect({ nothing, says: saysNothing(nothing) }).toEqual({ nothing, says: true })
    for (const something of ['Geen idee waarom ik zo lang moest wachten', 'Nee, de klantmanager belt niet terug'])
      expect({ something, says: saysNothing(something) }).toEqual({ something, says: false })
    expect(openAnswersOf(kto, { opmerkingen: 'geen', punt_goed_other: '-' })).toEqual([])
  })
})
