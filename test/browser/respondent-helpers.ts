/**
 * What the respondent browser tests share: the served app with rounds in every state,
 * and a respondent's hands — filling in a page, pressing "Volgende", reading answers back.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { LangText, QuestionnaireDefinition } from '#src/questionnaire/definition.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound, daysFromToday } from '#test/helpers/fixtures.ts'
import { startServedApp } from '#test/helpers/chromium.ts'
import type { TestApp } from '#test/helpers/app.ts'

export type ServedApp = TestApp & { baseUrl: string }

const t = (nl: string, en: string, ar: string, tr: string, pl: string): LangText => ({ nl, en, ar, tr, pl })

/**
 * A small questionnaire in every client language (Dutch, English, Arabic, Turkish,
 * Polish) with the question kinds the KTO does not have (a number, a capped multiple
 * choice, a required question), so error states and right-to-left pages can be shown and
 * checked in each language.
 */
export function multilingualDefinition(): QuestionnaireDefinition {
  return {
    id: 'proef-meertalig',
    version: 1,
    title: t('Proefvragenlijst', 'Sample questionnaire', 'استبيان تجريبي', 'Deneme anketi', 'Ankieta próbna'),
    intro: t('Dit is een proef.', 'This is a sample.', 'هذا استبيان تجريبي.', 'Bu bir denemedir.', 'To jest próba.'),
    languages: ['nl', 'en', 'ar', 'tr', 'pl'],
    scales: {
      agree: {
        type: 'options',
        options: [
          { value: 1, label: t('Eens', 'Agree', 'موافق', 'Katılıyorum', 'Zgadzam się') },
          { value: 2, label: t('Oneens', 'Disagree', 'غير موافق', 'Katılmıyorum', 'Nie zgadzam się') },
        ],
      },
    },
    sections: [
      {
        id: 'start',
        title: t('Over u', 'About you', 'عنك', 'Sizin hakkınızda', 'O Panu/Pani'),
        questions: [
          {
            id: 'cijfer',
            number: '1',
            type: 'grade',
            required: true,
            text: t(
              'Welk cijfer geeft u?',
              'What score do you give?',
              'ما هي الدرجة التي تعطيها؟',
              'Hangi notu veriyorsunuz?',
              'Jaką ocenę Pan/Pani daje?',
            ),
          },
          {
            id: 'uren',
            number: '2',
            type: 'number',
            min: 0,
            max: 40,
            unit: t('uur', 'hours', 'ساعات', 'saat', 'godzin'),
            text: t(
              'Hoeveel uur werkt u per week?',
              'How many hours a week do you work?',
              'كم ساعة تعمل في الأسبوع؟',
              'Haftada kaç saat çalışıyorsunuz?',
              'Ile godzin tygodniowo Pan/Pani pracuje?',
            ),
          },
          {
            id: 'hulp_van',
            number: '3',
            type: 'multiple',
            max: 2,
            text: t(
              'Van wie kreeg u hulp?',
              'Who helped you?',
              'من ساعدك؟',
              'Kimden yardım aldınız?',
              'Kto Panu/Pani pomógł?',
            ),
            options: [
              {
                value: 1,
                label: t('Klantmanager', 'Client manager', 'مدير العملاء', 'Müşteri yöneticisi', 'Opiekun klienta'),
              },
              { value: 2, label: t('Werkcoach', 'Job coach', 'مدرب العمل', 'İş koçu', 'Trener pracy') },
              { value: 3, label: t('Familie', 'Family', 'العائلة', 'Aile', 'Rodzina') },
              {
                value: 4,
                label: t('Anders, namelijk', 'Other, namely', 'غير ذلك، وهو', 'Başka, şöyle', 'Inne, mianowicie'),
                other: true,
              },
            ],
          },
          {
            id: 'stellingen',
            number: '4',
            type: 'grid',
            scale: 'agree',
            text: t(
              'Wat vindt u van deze zinnen?',
              'What do you think of these statements?',
              'ما رأيك في هذه العبارات؟',
              'Bu cümleler hakkında ne düşünüyorsunuz?',
              'Co Pan/Pani sądzi o tych zdaniach?',
            ),
            items: [
              {
                id: 'a',
                number: 'a',
                text: t(
                  'Ik werd snel geholpen',
                  'I was helped quickly',
                  'تمت مساعدتي بسرعة',
                  'Bana hızlı yardım edildi',
                  'Szybko mi pomożono',
                ),
              },
              {
                id: 'b',
                number: 'b',
                text: t(
                  'Ik werd goed geholpen',
                  'I was helped well',
                  'تمت مساعدتي بشكل جيد',
                  'Bana iyi yardım edildi',
                  'Dobrze mi pomożono',
                ),
              },
            ],
          },
          {
            id: 'naam_plaats',
            number: '5',
            type: 'text',
            text: t(
              'In welke wijk woont u?',
              'Which part of town do you live in?',
              'في أي حي تسكن؟',
              'Hangi mahallede oturuyorsunuz?',
              'W jakiej dzielnicy Pan/Pani mieszka?',
            ),
          },
        ],
      },
    ],
  }
}

export interface RespondentWorld {
  served: ServedApp
  /** The shipped KTO questionnaire, open; plenty of participants. */
  kto: RoundFixture
  /** The sample in every client language, open. */
  multilingual: RoundFixture
  closed: RoundFixture
  notYetOpen: RoundFixture
}

export async function startRespondentWorld(): Promise<RespondentWorld> {
  const served = await startServedApp()
  const db = served.database.db
  const kto = await createRound(db, { participantsPerStratum: 6 })
  const multilingual = await createRound(db, {
    definition: multilingualDefinition(),
    participantsPerStratum: 8,
    strata: [{ code: 'borne', name: 'Borne' }],
  })
  const closed = await createRound(db, {
    status: 'closed',
    participantsPerStratum: 1,
    strata: [{ code: 'borne', name: 'Borne' }],
  })
  const notYetOpen = await createRound(db, {
    opensOn: daysFromToday(7),
    closesOn: daysFromToday(35),
    participantsPerStratum: 1,
    strata: [{ code: 'borne', name: 'Borne' }],
  })
  return { served, kto, multilingual, closed, notYetOpen }
}

/** Hands out each participant once, so tests in one file never share a respondent. */
export function participantPool(round: RoundFixture) {
  let next = 0
  return () => {
    const p = round.participants[next++]
    if (!p) throw new Error('no participants left in this round')
    return p
  }
}

/** Runs `action` (a click) and waits for the page it leads to. */
export async function andWait(page: Page, action: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), action()])
}

export type Filled = Record<string, number | number[] | string>

/** Choices a respondent makes on a page: by default the first option everywhere, some text in open fields. */
export interface Choices {
  /** Value to pick per variable, instead of the first option. */
  pick?: Record<string, number>
  /** Text to type in open questions (not in "other, namely" fields). */
  text?: string
}

/** Fills in every visible question of the current page like a person tapping; returns what was chosen. */
export async function fillPage(page: Page, choices: Choices = {}): Promise<Filled> {
  const controls = await page.$$eval('form.questions input, form.questions textarea', (elements) =>
    elements.map((e) => ({
      tag: e.tagName.toLowerCase(),
      type: (e as HTMLInputElement).type,
      name: (e as HTMLInputElement).name,
      value: (e as HTMLInputElement).value,
    })),
  )
  const filled: Filled = {}
  const seen = new Set<string>()
  for (const c of controls) {
    if (c.name === '_csrf' || seen.has(c.name)) continue
    if (c.type === 'radio' || c.type === 'checkbox') {
      seen.add(c.name)
      const wanted = choices.pick?.[c.name] ?? Number(c.value)
      await page.locator(`input[name="${c.name}"][value="${wanted}"]`).check()
      filled[c.name] = c.type === 'checkbox' ? [wanted] : wanted
    } else if (c.tag === 'textarea' || (c.type === 'text' && !c.name.endsWith('_other'))) {
      seen.add(c.name)
      const text = choices.text ?? 'Prima'
      await page.locator(`[name="${c.name}"]`).fill(text)
      filled[c.name] = text
    }
  }
  return filled
}

/**
 * Answers the page in one step (the respondent-flow test taps like a person; here the
 * pages, not the tapping, are under test): the first answer everywhere, routed so that
 * every follow-up question shows (intake less than a year ago, help with work, no job).
 */
export async function answerAtOnce(page: Page): Promise<void> {
  await page.$$eval('form.questions input, form.questions textarea', (controls) => {
    const picks: Record<string, string> = { intake_wanneer: '1', begeleiding_werk: '1', parttimebaan: '2' }
    const done = new Set<string>()
    for (const control of controls as HTMLInputElement[]) {
      if (control.name === '_csrf' || done.has(control.name)) continue
      if (control.type === 'radio' || control.type === 'checkbox') {
        if (picks[control.name] !== undefined && control.value !== picks[control.name]) continue
        control.checked = true
        done.add(control.name)
      } else if (!control.name.endsWith('_other')) {
        control.value = 'Goed'
        done.add(control.name)
      }
    }
  })
}

export async function pressNext(page: Page): Promise<void> {
  await andWait(page, () => page.locator('form.questions button[value="next"]').click())
}

/**
 * Fills in and leaves pages until the overview (or until `maxPages` pages are done).
 * A page that shows follow-up questions after "Volgende" is filled in again.
 */
export async function answerPages(
  page: Page,
  choices: Choices = {},
  maxPages = 40,
): Promise<{ filled: Filled; pages: string[] }> {
  const filled: Filled = {}
  const pages: string[] = []
  while (!page.url().endsWith('/vragenlijst/overzicht') && pages.length < maxPages) {
    const url = page.url()
    Object.assign(filled, await fillPage(page, choices))
    await pressNext(page)
    if (page.url() !== url) pages.push(new URL(url).pathname)
    if (pages.length > 60) throw new Error('the questionnaire does not end')
  }
  return { filled, pages }
}

/** The stored answers must hold exactly what the respondent chose (numbers as numbers). */
export function expectAnswersStored(stored: Record<string, unknown>, filled: Filled): void {
  for (const [name, value] of Object.entries(filled)) {
    expect(stored[name], name).toEqual(value)
  }
}

export async function completedResponses(served: ServedApp, roundId: number) {
  return served.database.db
    .selectFrom('responses')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('status', '=', 'complete')
    .execute()
}

export async function participantStatus(served: ServedApp, id: number) {
  return served.database.db
    .selectFrom('participants')
    .select(['status', 'completed_mode'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
