import type { common as nl } from '#src/i18n/nl/common.ts'

export const common: typeof nl = {
  appName: 'Peiling',
  switchLanguage: 'Language',
  skipToContent: 'Skip to content',
  contact: {
    title: 'Questions? Contact {name}.',
    phone: 'Call',
    email: 'E-mail',
  },
  footer: {
    privacy: 'Privacy',
    accessibility: 'Accessibility',
  },
  errors: {
    title: 'Something went wrong',
    notFound: 'This page does not exist.',
    badRequest: 'This request is not right. Go back and try again.',
    csrf: 'Your form has expired. Go back, reload the page and try again.',
    tooLarge: 'What you sent is too large.',
    server: 'Something went wrong on our side. Your earlier answers are saved. Please try again in a few minutes.',
    unavailable: 'It is very busy right now or the database cannot be reached. Please try again in a few minutes.',
    backHome: 'Go to the start page',
  },
}
