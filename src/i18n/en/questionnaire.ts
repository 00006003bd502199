import type { questionnaire as nl } from '#src/i18n/nl/questionnaire.ts'

export const questionnaire: typeof nl = {
  answers: {
    chooseGrade: 'Choose a score from 1 to 10.',
    chooseOption: 'Choose one of the answers.',
    chooseFromOptions: 'Only choose from the answers shown.',
    tooManyTickedOne: 'Choose only 1 answer.',
    tooManyTicked: 'Choose no more than {max} answers.',
    notANumber: 'Enter a number. Use digits only.',
    outOfRange: 'Enter a number from {min} to {max}.',
    notText: 'Type your answer here as text.',
    tooLong: 'Your answer is too long. You can use {max} characters. It now has {length}.',
    required: 'Please answer this question.',
  },
  labels: {
    yes: 'Yes',
    no: 'No',
    gradeLowest: 'very poor',
    gradeHighest: 'excellent',
  },
  codebook: {
    notTicked: 'not ticked',
    ticked: 'ticked',
    otherText: 'specification',
    routing: {
      and: 'and',
      or: 'or',
      not: 'not',
      answered: 'answered',
      stratum: 'stratum',
    },
  },
}
