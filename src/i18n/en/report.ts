import type { Messages } from '#src/i18n/messages.ts'

export const report: Messages['report'] = {
  chart: {
    gradeTitle: 'Distribution of grades: {question}',
    statementsTitle: 'Statements: {question}',
    gradeAxis: 'Grade',
    gradeDescription: 'Percentage of answers per grade: {shares}.',
    statementDescription: '{statement}: {shares}',
    tooFewAnswers: 'too few answers',
  },
  titlePage: {
    municipality: 'Municipality of {name}',
    wholeRound: 'All municipalities together',
  },
  summary: {
    title: 'Summary',
    grade: 'On average, respondents give a {mean} for the question "{question}".',
    gradePrevious: 'In {round} it was a {mean}.',
    gradeHigher: 'The grade is significantly higher than in {round}.',
    gradeLower: 'The grade is significantly lower than in {round}.',
    gradeSame: 'The difference with {round} is not significant.',
    gradeReference: 'The reference group gives a {mean} on average.',
    referenceHigher: 'That is significantly higher than in the reference group.',
    referenceLower: 'That is significantly lower than in the reference group.',
    referenceSame: 'That is similar to the reference group.',
    belowSix: '{share} of respondents give a failing grade (1 to 5).',
    belowSixReference: 'In the reference group it is {share}.',
    changesTitle: 'The largest differences with {round}',
    changesIntro: 'These results changed most since {round}. Only significant differences are listed.',
    noChanges: 'There are no significant differences with {round}.',
    chapter: 'Topic',
    line: 'Question',
    difference: 'Difference',
    percentagePoints: '{difference} percentage points',
  },
  response: {
    title: 'Response and reliability',
    intro:
      'Per municipality: how many clients were invited, and how many of them filled in the questionnaire on paper or online.',
    tableTitle: 'Response and reliability per municipality',
    municipality: 'Municipality',
    writtenTo: 'Invited',
    paper: 'Paper',
    online: 'Web',
    completed: 'Total',
    rate: 'Response rate',
    confidence: 'Reliability',
    verdict: 'Verdict',
    total: 'Total',
    verdicts: {
      veryReliable: 'very reliable',
      reliable: 'reliable',
      indicative: 'indicative',
    },
    thresholds:
      'Reliability: how certain it is that a percentage is less than 5 percentage points from the truth. From {veryReliable} we call the results very reliable, from {reliable} reliable. Below that they are indicative: they give an impression, but are not precise.',
    comparisonTitle: 'Comparison',
    trendRound: 'Earlier round {label}: {n} respondents.',
    reference: 'Reference group: {n} respondents.',
    weightingTitle: 'Weighting',
    weighting: {
      none: 'The results are not weighted.',
      municipality: 'The results are weighted by municipality: each municipality counts by its number of clients.',
      municipalityAgeSex:
        'The results are weighted by municipality, age and sex: so the respondents together resemble all clients.',
    },
    weightingFigures:
      'Number of respondents (unweighted N): {unweighted}. Weighted N: {weighted}. Design effect of the weights: {designEffect}. The results are therefore as precise as with about {effective} respondents without weighting.',
    trimmed:
      'No weight is larger than {bound} times the mean weight. For {count} respondents the weight was made smaller for that reason.',
    significanceTitle: 'Testing differences',
    significance:
      'Differences with earlier rounds and with the reference group were tested ({test}). In the tables, ▲ or ▼ marks a significant difference.',
    minGroupSize: 'With fewer than {n} answers we show no result, so that nobody can be recognised.',
  },
  table: {
    title: 'Table {number}. {title} (N={n})',
    titleWithoutN: 'Table {number}. {title}',
    reference: 'Reference group',
    tooFew: 'too few',
    marks:
      '▲: significantly higher in {current} than in that column. ▼: significantly lower in {current} than in that column.',
    ownQuestion: '"-": the municipality\'s own question. The reference group does not have it.',
    total: 'Total',
    statement: 'Statement',
    answer: 'Answer',
  },
  figure: {
    title: 'Figure {number}. {title}',
  },
  block: {
    heading: '{number}. {question} (N={n})',
    suppressed: 'Too few answers to show (fewer than {n}).',
    outsideBase: 'Not counted in the percentages: {count} times "don\'t know" or "not applicable".',
    statementsNote: 'The table shows only the percentage who (strongly) agree. "Don\'t know" is not counted.',
    multiple: 'More than one answer possible: together it can be more than 100%.',
  },
  points: {
    title: 'Strengths and points for improvement',
    intro: 'The five points chosen most often. All points are in the appendix.',
    heading: '{question} (N={n})',
    point: 'Point',
    thisYear: 'This year',
  },
  background: {
    title: 'Background of the respondents',
    intro: 'Who filled in the questionnaire? Where possible, the reference group is shown alongside.',
  },
  quotes: {
    title: 'Quotes',
    intro:
      'A selection of answers to the open questions, showing what many respondents wrote. Names have been replaced by "…". Spelling is as the respondent wrote it.',
    quote: '“{text}”',
  },
  appendices: {
    allPoints: 'Appendix {number}. All strengths and points for improvement',
    municipality: 'Appendix {number}. Results for the municipality of {name} (N={n})',
  },
}
