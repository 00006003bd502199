/**
 * Messages for respondents and typists about their answers. Plain language (B1): short
 * sentences that say what to do, not what went wrong inside the system.
 */
import type { LangText } from './definition.ts'

const nl = (n: number) => n.toLocaleString('nl-NL')
const en = (n: number) => n.toLocaleString('en-GB')

export const messages = {
  chooseGrade: (): LangText => ({
    nl: 'Kies een cijfer van 1 tot en met 10.',
    en: 'Choose a score from 1 to 10.',
  }),
  chooseOption: (): LangText => ({
    nl: 'Kies een van de antwoorden.',
    en: 'Choose one of the answers.',
  }),
  chooseFromOptions: (): LangText => ({
    nl: 'Kies alleen uit de antwoorden die er staan.',
    en: 'Only choose from the answers shown.',
  }),
  tooManyTicked: (max: number): LangText =>
    max === 1
      ? { nl: 'Kies 1 antwoord.', en: 'Choose only 1 answer.' }
      : { nl: `Kies niet meer dan ${nl(max)} antwoorden.`, en: `Choose no more than ${en(max)} answers.` },
  notANumber: (): LangText => ({
    nl: 'Vul een getal in. Gebruik alleen cijfers.',
    en: 'Enter a number. Use digits only.',
  }),
  outOfRange: (min: number, max: number): LangText => ({
    nl: `Vul een getal in van ${nl(min)} tot en met ${nl(max)}.`,
    en: `Enter a number from ${en(min)} to ${en(max)}.`,
  }),
  notText: (): LangText => ({
    nl: 'Vul hier tekst in.',
    en: 'Type your answer here as text.',
  }),
  tooLong: (max: number, length: number): LangText => ({
    nl: `Uw antwoord is te lang. U kunt ${nl(max)} tekens gebruiken. Nu zijn het er ${nl(length)}.`,
    en: `Your answer is too long. You can use ${en(max)} characters. It now has ${en(length)}.`,
  }),
  required: (): LangText => ({
    nl: 'Beantwoord deze vraag.',
    en: 'Please answer this question.',
  }),
}
