/**
 * A report as the model builder would make it for a round of two municipalities, by hand:
 * the tests of the charts and the Word file lay out exactly this. It has what a renderer
 * must get right: a grade question with trends and a reference, a statement grid with a
 * suppressed statement and a label that tries to inject markup, single and multiple
 * choice, a municipality's own question ("-" in the reference column), quotes.
 */
import type {
  Block,
  Chapter,
  ChoiceBlock,
  ComparedFigure,
  Figure,
  GradeBlock,
  Line,
  NumberBlock,
  PointsList,
  Report,
  Statistic,
  StatementsBlock,
} from '#src/report/model.ts'

/** A label someone typed into a questionnaire: it must come out as text, never as markup. */
export const MALICIOUS_LABEL = 'De klantmanager <script>alert("x")</script> & ik maakten samen een plan'

export const MIN_GROUP_SIZE = 15

function figure(value: number, n: number, standardError = 0.02): Figure {
  return { value, standardError, n }
}

function compared(value: number | null, n: number, change: ComparedFigure['change'] = null): ComparedFigure {
  return { figure: value === null ? null : figure(value, n), change }
}

function line(
  label: string,
  statistic: Statistic,
  variable: string,
  current: Figure | null,
  trend: ComparedFigure[],
  reference?: ComparedFigure | 'ownQuestion',
  code?: number,
): Line {
  return { label, statistic, variable, current, trend, ...(reference ? { reference } : {}), ...(code ? { code } : {}) }
}

/** A municipality's figures differ a little from the whole round's: `shift` moves them. */
function gradeBlock(n: number, shift: number): GradeBlock {
  const distribution = [0.01, 0.01, 0.02, 0.03, 0.04, 0.08, 0.21, 0.34, 0.17, 0.09].map((share, i) => ({
    grade: i + 1,
    share,
  }))
  return {
    kind: 'grade',
    variable: 'v1',
    number: '1',
    question: 'Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen?',
    n,
    weightedN: n,
    suppressed: false,
    distribution,
    outsideBase: 12,
    lines: [
      line(
        'Gemiddeld rapportcijfer',
        'mean',
        'v1',
        figure(7.63 + shift, n, 0.06),
        [compared(7.24, 798, 'higher'), compared(7.1, 771, 'higher')],
        compared(7.5, 3244),
      ),
      line(
        '% onvoldoende (1 tot en met 5)',
        'belowSix',
        'v1',
        figure(0.11, n),
        [compared(0.16, 798, 'lower'), compared(0.18, 771, 'lower')],
        compared(0.13, 3244),
      ),
      line(
        '% 7 of hoger',
        'sevenOrMore',
        'v1',
        figure(0.81, n),
        [compared(0.74, 798, 'higher'), compared(0.7, 771, 'higher')],
        compared(0.78, 3244),
      ),
    ],
  }
}

const AGREE_SCALE = ['Helemaal mee eens', 'Mee eens', 'Mee oneens', 'Helemaal mee oneens']

function statementsBlock(n: number): StatementsBlock {
  const statements = [
    {
      item: 'rechten',
      label: 'Tijdens het intakegesprek zijn mijn rechten duidelijk uitgelegd',
      shares: [0.32, 0.48, 0.14, 0.06],
      n,
    },
    {
      item: 'plichten',
      label: 'Tijdens het intakegesprek zijn mijn plichten duidelijk uitgelegd',
      shares: [0.41, 0.45, 0.09, 0.05],
      n,
    },
    { item: 'plan', label: MALICIOUS_LABEL, shares: [0.25, 0.5, 0.18, 0.07], n: n - 20 },
    // Asked only of those who were sent to a re-integration company: too few.
    {
      item: 'traject',
      label: 'Het re-integratiebedrijf sloot goed aan bij wat ik nodig had',
      shares: [0.5, 0.5, 0, 0],
      n: 9,
      suppressed: true,
    },
  ]
  return {
    kind: 'statements',
    variable: 'v4',
    number: '4',
    question: 'Wat vindt u van deze uitspraken over het intakegesprek?',
    n,
    weightedN: n,
    suppressed: false,
    categories: AGREE_SCALE,
    agreeing: 2,
    agreeLabel: '% (helemaal) mee eens',
    statements: statements.map((s) => ({
      variable: `v4_${s.item}`,
      label: s.label,
      n: s.n,
      suppressed: s.suppressed ?? false,
      shares: s.suppressed ? [] : s.shares,
      outsideBase: 7,
    })),
    lines: statements.map((s, i) =>
      line(
        s.label,
        'agree',
        `v4_${s.item}`,
        s.suppressed ? null : figure(s.shares[0]! + s.shares[1]!, s.n),
        [compared(s.suppressed ? 0.7 : 0.78 - i * 0.02, 640, i === 1 ? 'higher' : null), compared(null, 0)],
        compared(0.76, 3244, i === 0 ? 'higher' : null),
      ),
    ),
  }
}

function choiceBlock(n: number): ChoiceBlock {
  const answers: Array<[string, number]> = [
    ['Op het kantoor van Werk en Inkomen', 0.58],
    ['Telefonisch', 0.27],
    ['Via beeldbellen', 0.06],
    ['Bij mij thuis', 0.09],
  ]
  return {
    kind: 'choice',
    variable: 'v3',
    number: '3',
    question: 'Waar had u het intakegesprek?',
    n,
    weightedN: n,
    suppressed: false,
    multiple: false,
    outsideBase: 4,
    lines: answers.map(([label, share], i) =>
      line(
        label,
        'share',
        'v3',
        figure(share, n),
        [compared(share + 0.03, 640), compared(null, 0)],
        compared(share, 3244),
        i + 1,
      ),
    ),
  }
}

function contactBlock(n: number): ChoiceBlock {
  const answers: Array<[string, number]> = [
    ['Mijn uitkering', 0.71],
    ['Werk zoeken', 0.38],
    ['Schulden of geldzorgen', 0.22],
    ['Iets anders', 0.09],
  ]
  return {
    kind: 'choice',
    variable: 'v5',
    number: '5',
    question: 'Waarover had u het afgelopen jaar contact met Werk en Inkomen?',
    n,
    weightedN: n,
    suppressed: false,
    multiple: true,
    outsideBase: 0,
    lines: answers.map(([label, share], i) =>
      line(
        label,
        'share',
        `v5_${i + 1}`,
        figure(share, n),
        [compared(share - 0.04, 640), compared(share - 0.06, 600)],
        compared(share + 0.02, 3244),
        1,
      ),
    ),
  }
}

/** The municipality's own question: the reference group was never asked it. */
function ownNumberBlock(n: number): NumberBlock {
  return {
    kind: 'number',
    variable: 'v6',
    number: '6',
    question: 'Hoeveel keer had u het afgelopen jaar contact met uw klantmanager?',
    n,
    weightedN: n,
    suppressed: false,
    lines: [
      line(
        'Gemiddeld aantal keer',
        'mean',
        'v6',
        figure(4.27, n, 0.2),
        [compared(null, 0), compared(null, 0)],
        'ownQuestion',
      ),
    ],
  }
}

/** Asked only of people in a work placement: too few in every municipality. */
function suppressedBlock(): GradeBlock {
  return {
    kind: 'grade',
    variable: 'v7',
    number: '7',
    question: 'Welk rapportcijfer geeft u voor uw werkplek?',
    n: 11,
    weightedN: 11,
    suppressed: true,
    distribution: [],
    outsideBase: 0,
    lines: [
      line('Gemiddeld rapportcijfer', 'mean', 'v7', null, [compared(null, 0), compared(null, 0)], compared(7.2, 310)),
    ],
  }
}

function chapters(n: number, shift: number): Chapter[] {
  const blocks: Block[][] = [
    [gradeBlock(n, shift), ownNumberBlock(n)],
    [choiceBlock(n), statementsBlock(n), contactBlock(n)],
    [suppressedBlock()],
  ]
  return [
    { id: 'algemeen', title: 'Waardering voor de dienstverlening', blocks: blocks[0]! },
    { id: 'intake', title: 'Intakegesprek en eerste betaling', blocks: blocks[1]! },
    { id: 'werk', title: 'Begeleiding naar werk', blocks: blocks[2]! },
  ]
}

function points(): PointsList[] {
  const success: Array<[string, number]> = [
    ['Ik word vriendelijk behandeld', 0.52],
    ['Mijn uitkering wordt op tijd betaald', 0.47],
    ['Mijn klantmanager is goed bereikbaar', 0.31],
    ['Ik krijg duidelijke informatie', 0.28],
    ['Ik word serieus genomen', 0.24],
    ['Ik word goed geholpen bij het zoeken naar werk', 0.12],
    ['Geen succespunten', 0.05],
  ]
  const improvement: Array<[string, number]> = [
    ['Sneller reageren op vragen', 0.34],
    ['Minder wisselingen van klantmanager', 0.29],
    ['Duidelijkere brieven', 0.21],
    ['Betere hulp bij werk zoeken', 0.18],
    ['Meer persoonlijk contact', 0.15],
    ['Geen verbeterpunten', 0.2],
  ]
  const list = (variable: string, question: string, answers: Array<[string, number]>): PointsList => ({
    variable,
    question,
    n: 601,
    suppressed: false,
    lines: answers.map(([label, share], i) =>
      line(
        label,
        'share',
        `${variable}_${i + 1}`,
        figure(share, 601),
        [compared(share - 0.02, 640), compared(null, 0)],
        compared(share + 0.03, 3244),
        1,
      ),
    ),
  })
  return [
    list('v10', 'Wat gaat er goed bij Werk en Inkomen?', success),
    list('v11', 'Wat kan Werk en Inkomen beter doen?', improvement),
  ]
}

function background(n: number): Chapter {
  const age: ChoiceBlock = {
    kind: 'choice',
    variable: 'v20',
    number: '20',
    question: 'Hoe oud bent u?',
    n,
    weightedN: n,
    suppressed: false,
    multiple: false,
    outsideBase: 3,
    lines: [
      ['Jonger dan 27 jaar', 0.12, 0.14],
      ['27 tot 45 jaar', 0.35, 0.33],
      ['45 tot 67 jaar', 0.49, 0.48],
      ['67 jaar of ouder', 0.04, 0.05],
    ].map(([label, share, reference], i) =>
      line(
        label as string,
        'share',
        'v20',
        figure(share as number, n),
        [compared(null, 0), compared(null, 0)],
        compared(reference as number, 3244),
        i + 1,
      ),
    ),
  }
  return { id: 'achtergrond', title: 'Achtergrond van de respondenten', blocks: [age] }
}

export function sampleReport(): Report {
  return {
    title: 'Klanttevredenheidsonderzoek Werk en Inkomen 2026',
    roundName: 'KTO Werk en Inkomen 2026',
    municipality: null,
    madeOn: '2026-12-06',
    minGroupSize: MIN_GROUP_SIZE,
    currentLabel: '2026',
    trendRounds: [
      { label: '2022', n: 798 },
      { label: '2018', n: 771 },
    ],
    reference: {
      label: 'Referentiegroep',
      n: 3244,
      description: 'Klanten van 16 andere gemeenten en sociale diensten',
    },
    response: [
      {
        municipality: 'Hengelo',
        writtenTo: 1500,
        paper: 212,
        online: 251,
        completed: 463,
        responseRate: 0.309,
        confidence: 0.969,
        verdict: 'veryReliable',
      },
      {
        municipality: 'Haaksbergen',
        writtenTo: 600,
        paper: 88,
        online: 89,
        completed: 177,
        responseRate: 0.295,
        confidence: 0.621,
        verdict: 'indicative',
      },
      {
        municipality: null,
        writtenTo: 2100,
        paper: 300,
        online: 340,
        completed: 640,
        responseRate: 0.305,
        confidence: 0.981,
        verdict: 'veryReliable',
      },
    ],
    thresholds: { veryReliable: 0.95, reliable: 0.9 },
    weighting: {
      method: 'municipality',
      trimBound: 5,
      trimmed: 3,
      unweightedN: 640,
      weightedN: 640,
      designEffect: 1.08,
      ageSexNote: 'noPopulation',
    },
    summary: {
      grade: {
        question: 'Welk rapportcijfer geeft u voor de dienstverlening van Werk en Inkomen?',
        line: gradeBlock(628, 0).lines[0]!,
        belowSix: gradeBlock(628, 0).lines[1]!,
      },
      largestChanges: [
        { chapter: 'Intakegesprek en eerste betaling', line: statementsBlock(601).lines[1]!, difference: 8 },
        { chapter: 'Waardering voor de dienstverlening', line: gradeBlock(628, 0).lines[1]!, difference: -5 },
        { chapter: 'Waardering voor de dienstverlening', line: gradeBlock(628, 0).lines[0]!, difference: 0.39 },
      ],
    },
    chapters: chapters(628, 0),
    points: points(),
    background: background(628),
    quotes: [
      {
        question: 'Wat gaat er goed bij Werk en Inkomen?',
        category: 'Ik word vriendelijk behandeld',
        quotes: [
          'Ze zijn altijd vriendelijk en nemen de tijd voor mij.',
          'heb ik … als klantmanager en die is erg aardig',
        ],
      },
      {
        question: 'Wat gaat er goed bij Werk en Inkomen?',
        category: 'Mijn uitkering wordt op tijd betaald',
        quotes: ['Het geld staat altijd op tijd op mijn rekening.'],
      },
      {
        question: 'Wat kan Werk en Inkomen beter doen?',
        category: null,
        quotes: [
          'Doordat mevrouw … niet de tijd nam voelde ik me niet gehoord.',
          'Brieven zijn moeilijk <b>te lezen</b>.',
        ],
      },
    ],
    appendices: [
      { code: '0164', name: 'Hengelo', n: 458, chapters: chapters(458, 0.1) },
      { code: '0158', name: 'Haaksbergen', n: 170, chapters: chapters(170, -0.2) },
    ],
    significanceTest:
      'z-toets voor het verschil tussen twee onafhankelijke steekproeven, tweezijdig, 95% betrouwbaarheid',
  }
}
