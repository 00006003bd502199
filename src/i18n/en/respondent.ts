import type { respondent as nl } from '#src/i18n/nl/respondent.ts'

export const respondent: typeof nl = {
  login: {
    title: 'Questionnaire about our services',
    intro: 'Will you tell us what you think of our services? It takes about 15 minutes.',
    anonymous:
      'Your answers are anonymous. The municipality does not see what you fill in. Your answers have no effect on your benefit.',
    genuine:
      'Is this website real? Check that your browser shows {address} at the top. That address is also in your letter.',
    codeLabel: 'Your login code',
    codeHint: 'You will find the code in the letter. For example: K7QXM-4TR9C. Capitals and dashes are not needed.',
    submit: 'Start the questionnaire',
    paperHint: 'You can also fill in the paper questionnaire and send it back for free in the reply envelope.',
  },
  codeErrors: {
    empty: 'Enter the login code from your letter.',
    length: 'The code has 10 characters (letters and digits). Please check the code in your letter.',
    character:
      'The code only has the digits 2 to 9 and letters. The letters O, I and L are not used. Please check the code in your letter.',
    check: 'This code is not right. There is probably a typing error. Please check the code in your letter.',
    unknown: 'We do not know this code. Please check the code in your letter.',
    tooMany: 'You entered a wrong code too many times. Please try again in {minutes} minutes.',
    tooManyOneMinute: 'You entered a wrong code too many times. Please try again in 1 minute.',
  },
  round: {
    notOpenTitle: 'The questionnaire is not open yet',
    notOpen: 'You can fill in the questionnaire from {opens} up to and including {closes}.',
    closedTitle: 'The questionnaire is closed',
    closed: 'You could fill in the questionnaire up to and including {closes}. Thank you for your interest.',
  },
  form: {
    progress: 'Part {current} of {total}',
    previous: 'Previous',
    next: 'Next',
    toReview: 'To the overview',
    resumeHint: 'You can stop and continue later. Log in again with the same code, also on another phone or computer.',
    errorSummary: 'Something is not filled in correctly:',
    gridPart: 'This question is spread over {total} pages. This is page {current}.',
    aboutQuestionnaire: 'About this questionnaire',
    gradeLow: 'very bad',
    gradeHigh: 'excellent',
    yes: 'Yes',
    no: 'No',
    otherSpecify: 'Namely:',
    chooseAtMost: 'Choose {max} at most.',
    chooseAny: 'You may choose more than one answer.',
    numberRange: 'A number from {min} to {max}.',
    rankingHint:
      'Choose 1 for what comes first for you, 2 for what comes next, and so on. Choose at most {max} numbers. Use each number only once.',
    rankNone: 'No number',
    constantSumHint: 'Divide {total} over these items. Together they must make exactly {total}.',
    constantSumNow: 'Together now: {sum} of {total}.',
    signOut: 'Stop and continue later',
  },
  review: {
    title: 'Overview',
    intro:
      'You are almost done. Check below whether you have filled in everything you want to. Then send your answers.',
    allAnswered: 'You have answered all questions.',
    unanswered:
      'You have not answered these questions yet. That is allowed. Do you want to answer them anyway? Click the question.',
    requiredOpen: 'You need to answer these questions before you can send. Click on the question.',
    requiredRefused: 'Your answers have not been sent yet. First answer these questions. Click on the question.',
    answersTitle: 'Your answers',
    answeredCount: '{count} answered',
    change: 'Change',
    changeWhich: '(question {number})',
    partly: 'You have not answered all of this question yet.',
    submit: 'Send my answers',
    afterSubmit: 'After sending you cannot change your answers any more.',
  },
  thanks: {
    title: 'Thank you!',
    body: 'Your answers have been sent. Thank you very much for your time and effort.',
    next: 'What happens now? We add your answers to those of the other people. The municipality only sees the totals, not what you filled in. The Work and Income department uses the results to improve its services.',
    contactLetter: 'Do you have questions? The phone number of the municipality is in your letter.',
    paper: 'You do not need to fill in the paper questionnaire any more.',
  },
  screenedOut: {
    title: 'End of the questionnaire',
  },
  alreadyDone: {
    title: 'You have already filled in the questionnaire',
    body: 'The questionnaire has already been filled in with this code. Thank you! You cannot change anything any more.',
  },
  signedOut: {
    title: 'See you later',
    body: 'Your answers have been saved. You can continue later with the same code.',
  },
  sessionExpired: 'Please log in again with the code from your letter.',
  privacy: {
    title: 'Privacy: what happens to your answers?',
    intro:
      'The municipality holds this survey to improve the services of Work and Income. Taking part is voluntary. Whether you take part or not has no effect on your benefit.',
    anonymousTitle: 'Your answers are anonymous',
    anonymousIntro: 'Anonymous means: nobody can see which answers are yours. This is how we make sure of that:',
    lettersOnly: 'We use your name and address only to send you the letter and a reminder.',
    noPersonalData: 'Your answers are stored without your name, address, client number or login code.',
    resumeLink:
      'While you are still busy, we keep your answers with your code, so that you can continue later. When you send your answers, we remove the link with your code. Your answers then wait a little until other people have finished too. Then we add them, together with theirs and in random order, to the rest. That way nobody can see which answers are yours, not even in the computer where we keep everything.',
    noDates:
      'We do not keep the day on which you filled in the questionnaire. We only count how many people take part each day.',
    participated: 'We do keep that you have taken part, so that you do not get a reminder.',
    totalsOnly:
      'The municipality only sees totals, for example how many people gave an 8. Never what one person filled in.',
    openAnswers:
      'Please do not write your name, address or client number in the open questions, so that you stay anonymous.',
    cookieTitle: 'Cookie',
    cookie:
      'This website uses one cookie. It is needed to remember that you are logged in and which language you chose, and whether your phone already has the layout of the pages, so it is not sent again and again. There are no cookies that follow you, and there are no adverts.',
    wrongCodes:
      'If you enter a wrong code, we count that per internet address (IP address), so that nobody can guess codes. We keep nothing else about your visit.',
    keepTitle: 'How long do we keep data?',
    keep: 'After the survey we delete the names, addresses and codes. We keep the anonymous answers and the totals for the research.',
    rightsTitle: 'Your rights',
    rights:
      'You may ask the municipality which data it has about you, and ask it to delete that data. The address of the municipality is in the letter. We cannot find your answers once you have sent them, because they are anonymous.',
    noThanks: 'Do you not want to take part? Then you do not need to do anything.',
    complaint:
      'If you do not agree with how the municipality handles your data, you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'Everyone must be able to fill in this questionnaire, also if you do not see well, use a screen reader or do not use a mouse. Here you can read what we have done and measured for that.',
    scope:
      'This statement is about the pages for people who fill in the questionnaire: the start page, the questions, the overview, the thank-you page and this information. It does not cover the pages for staff.',
    standard:
      'The standard is WCAG 2.1, level A and AA (European standard EN 301 549). Public bodies in the Netherlands must meet this standard.',
    statusTitle: 'How far are we?',
    status:
      'Status: first measures taken. We have tested the pages ourselves. An independent expert has not examined the pages yet. That is why we do not yet say that the pages fully meet the standard.',
    measuredTitle: 'What we measured',
    measuredOn: 'Last measured on {date}, and again with every new version.',
    automated:
      'An automated test (axe-core {version}) on {pages} pages: every kind of page, in Dutch, English and Arabic, also with error messages. Result: 0 failures of the WCAG 2.1 A and AA rules.',
    reflow:
      'On a screen 320 pixels wide you do not need to scroll sideways. That is a small phone, or zooming in to 400% on a computer.',
    keyboard: 'You can fill in and send a questionnaire page with the keyboard only. You can always see where you are.',
    noScript: 'The questionnaire also works without JavaScript.',
    phoneGrid:
      'On a phone, each statement of a table is shown as a question of its own, one below the other. A long table is spread over several pages, with the question on each page.',
    languages: 'Every page states its language. Arabic is shown from right to left.',
    paper: 'You can also fill in the questionnaire on paper. It comes with the letter.',
    knownTitle: 'What is not right yet',
    knownLanguage:
      'All texts are available in Dutch, English, Turkish, Arabic and Polish. A translator has not yet checked the Turkish, Arabic and Polish texts, so they may still contain mistakes. Is the questionnaire also in another language? Then only the questions are translated in that language. Buttons and explanations are then in Dutch. A screen reader reads them out in the language of the questions.',
    notDoneTitle: 'What we have not done yet',
    notDoneScreenReaders: 'A test by people who use a screen reader every day (such as NVDA, VoiceOver or TalkBack).',
    notDoneAudit: 'An examination by an independent expert following the WCAG-EM method.',
    contactTitle: 'Does something not work?',
    contact:
      'If you cannot read or fill in something, call or write to the municipality that sent you the letter. The address and phone number are in the letter. We will make sure you can still take part, for example on paper.',
    complaint:
      'If you do not get a good answer, you can complain to the ombudsman of your municipality or to the National Ombudsman.',
  },
}
