import type { letter as nl } from '#src/i18n/nl/letter.ts'

export const letter: typeof nl = {
  invitation: {
    subject: 'What do you think of Work and Income?',
    body: `Dear {naam},

We would like to know what you think of the Work and Income department of the municipality of {gemeente}. That is why we ask you to fill in a questionnaire. Your opinion helps us do our work better.

Filling in the questionnaire takes about 15 minutes. You choose how you take part:
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: fill in the questionnaire that came with this letter. Send it back in the reply envelope. You do not need a stamp.

Please fill in the questionnaire before {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Thank you very much for your help!

Kind regards,`,
  },
  reminder: {
    subject: 'Reminder: what do you think of Work and Income?',
    body: `Dear {naam},

Recently we sent you a letter. We asked you to fill in a questionnaire about the Work and Income department of the municipality of {gemeente}.

Have you already filled in the questionnaire? Then you can forget about this letter. Thank you very much!

Not filled in yet? Please still take part. Your opinion matters too. Filling in the questionnaire takes about 15 minutes.
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: use the questionnaire and the reply envelope from the first letter. You do not need a stamp.

Please fill in the questionnaire before {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Kind regards,`,
  },
  box: {
    date: 'Date',
    online: 'Fill in the questionnaire online:',
    code: 'Your login code:',
    scan: 'Or scan this QR code with the camera of your phone. Then you do not need to type a code.',
  },
  placeholders: {
    organisation: 'Municipality',
    department: 'Work and Income department',
    signatureName: 'Work and Income department',
    signatureRole: 'Municipality',
    municipality: 'Municipality of {name}',
  },
}
