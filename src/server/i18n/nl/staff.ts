export const staff = {
  nav: {
    home: 'Overzicht',
    signOut: 'Uitloggen',
    signedInAs: 'Ingelogd als {name}',
  },
  auth: {
    title: 'Inloggen voor medewerkers',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    submit: 'Inloggen',
    wrong: 'De gebruikersnaam of het wachtwoord klopt niet.',
    tooMany: 'Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.',
    signInFirst: 'Log eerst in.',
    forbiddenTitle: 'Geen toegang',
    forbidden: 'U heeft geen toegang tot deze pagina.',
    signedOut: 'U bent uitgelogd.',
  },
  home: {
    title: 'Peiling beheer',
    welcome: 'Welkom, {name}.',
  },
}
