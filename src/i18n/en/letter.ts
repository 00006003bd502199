import type { letter as nl } from '#src/i18n/nl/letter.ts'

export const letter: typeof nl = {
  invitation: {
    subject: 'What do you think of Work and Income?',
    body: `Dear {naam},

We would like to know what you think of the Work and Income department of the municipality of {gemeente}. That is why we ask you to fill in a questionnaire. Your opinion helps us do our work better.

Filling in the questionnaire takes about 15 minutes. You choose how you take part:
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: fill in the questionnaire that came with this letter. Send it back in the reply envelope. You do not need a stamp.

You can take part up to and including {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Thank you very much for your help!

Kind regards,`,
  },
  reminder: {
    subject: 'Reminder: what do you think of Work and Income?',
    body: `Dear {naam},

A few weeks ago we sent you a letter. We asked you to fill in a questionnaire about the Work and Income department of the municipality of {gemeente}.

Have you already filled in the questionnaire? Thank you! Then you do not need to do anything else. You can throw this letter away.

Not filled in yet? Then we ask you to take part after all. Your opinion counts too. Filling in the questionnaire takes about 15 minutes. Your login code is the same as in the first letter.
- Online: go to {url} and type in your login code {code}. Or scan the QR code at the top right with your phone.
- On paper: use the questionnaire and the reply envelope from the first letter. You do not need a stamp.

You can take part up to and including {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Kind regards,`,
  },
  box: {
    date: 'Date',
    reference: 'Our reference',
    online: 'Fill in the questionnaire online:',
    code: 'Your login code:',
    scan: 'Or scan this QR code with the camera of your phone. Then you do not need to type a code.',
  },
  contact: {
    heading: 'Do you have questions?',
    phone: 'Call {phone}',
    email: 'E-mail {email}',
  },
  privacy: 'How we handle your data: see {url}',
  placeholders: {
    organisation: 'Municipality',
    department: 'Work and Income department',
    signatureName: 'Work and Income department',
    signatureRole: 'Municipality',
    municipality: 'Municipality of {name}',
  },
}
