import type { staff as nl } from '../nl/staff.js'

export const staff: typeof nl = {
  nav: {
    home: 'Overview',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {name}',
  },
  auth: {
    title: 'Staff sign-in',
    username: 'User name',
    password: 'Password',
    submit: 'Sign in',
    wrong: 'The user name or password is not right.',
    tooMany: 'Too many failed attempts. Please try again in 15 minutes.',
    signInFirst: 'Please sign in first.',
    forbiddenTitle: 'No access',
    forbidden: 'You do not have access to this page.',
    signedOut: 'You have been signed out.',
  },
  home: {
    title: 'Peiling administration',
    welcome: 'Welcome, {name}.',
  },
}
