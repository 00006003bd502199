import type { email as nl } from '#src/i18n/nl/email.ts'

export const email: typeof nl = {
  invitation: {
    subject: 'What do you think of Work and Income?',
    body: `Dear {naam},

We would like to know what you think of the Work and Income department of the municipality of {gemeente}. Would you fill in a questionnaire? It takes about 15 minutes.

Click this link to start:

{link}

Does the link not work? Go to {url} and type your login code: {code}

You will also receive a letter with a paper questionnaire. You only need to take part once: online or on paper.

You can take part up to and including {sluitingsdatum}.

Your answers are anonymous. We do not know what you fill in. Taking part is voluntary. Your answers have no effect on your benefit.

Kind regards,
{afzender}`,
  },
  reminder: {
    subject: 'Reminder: what do you think of Work and Income?',
    body: `Dear {naam},

Recently we asked you to fill in a questionnaire about the Work and Income department of the municipality of {gemeente}.

Have you already taken part? Then you can forget about this e-mail. Thank you very much!

Not yet? Please still take part. Your opinion matters too. Click this link to start:

{link}

Does the link not work? Go to {url} and type your login code: {code}

You can take part up to and including {sluitingsdatum}.

Your answers are anonymous. Taking part is voluntary. Your answers have no effect on your benefit.

Kind regards,
{afzender}`,
  },
}
