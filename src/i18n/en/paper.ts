import type { paper as nl } from '#src/i18n/nl/paper.ts'

export const paper: typeof nl = {
  howTo: 'How to fill in the questionnaire',
  howToSteps: `Put a cross (X) in the box of the answer that fits you.
Choose one answer, unless it says you may choose more.
Ticked the wrong box? Then fill that box in completely. Then put a cross in the right box.
Sometimes you may skip a question. The answer then says which question to go to.
Done? Send the questionnaire back in the reply envelope. You do not need a stamp.`,
  code: 'Code',
  page: 'Page {x} of {y}',
  turnOver: 'Continue on the next page ►',
  end: 'End of the questionnaire',
  blank: 'This page is blank.',
  returnBy: 'Send the questionnaire back in the reply envelope by {date} at the latest.',
  returnAny: 'Send the questionnaire back in the reply envelope.',
  noStamp: 'You do not need a stamp.',
  replyAddress: 'Lost the reply envelope? Then write this address on an envelope:',
  multiple: 'You may choose more than one answer.',
  multipleMax: 'You may choose up to {max} answers.',
  gridHint: 'Put one cross on each line.',
  gradeHint: '1 = very poor, 10 = excellent',
  numberHint: 'Fill in a number from {min} to {max}.',
  rankingHint:
    'Write 1 next to what comes first for you, 2 next to what comes next, and so on up to {max}. Use each number only once.',
  constantSumHint:
    'Divide {total} over these items. Write a number next to each item. Together they must make exactly {total}.',
  sumTotal: 'Together',
  onlyIf: 'Only answer this if {condition}.',
  goTo: 'Go to question {number}',
  goToEnd: 'Go to the end of the questionnaire',
  routing: {
    chose: 'you chose {labels} at question {number}',
    choseOther: 'you chose something other than {labels} at question {number}',
    didNotChoose: 'you did not choose {labels} at question {number}',
    ticked: 'you ticked {labels} at question {number}',
    notTicked: 'you did not tick {labels} at question {number}',
    answered: 'you answered question {number}',
    notAnswered: 'you did not answer question {number}',
    livesIn: 'you live in {places}',
    notLivesIn: 'you do not live in {places}',
    and: 'and',
    or: 'or',
    not: 'it is not the case that {condition}',
  },
}
