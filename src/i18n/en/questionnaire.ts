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
    rankRange: 'Enter a number from 1 to {max}.',
    repeatedRank: 'You used number {rank} more than once. Use each number only once.',
    rankGap: 'Number {rank} is missing. Start at 1 and do not skip a number.',
    amountRange: 'Enter a whole number from 0 to {max}.',
    wrongSum: 'The numbers must add up to {total}. Now they add up to {sum}.',
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
    notRanked: 'not ranked',
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
