export const common = {
  appName: 'Peiling',
  switchLanguage: 'Taal',
  skipToContent: 'Naar de inhoud',
  contact: {
    title: 'Vragen? Neem contact op met {name}.',
    phone: 'Bel',
    email: 'Mail naar',
  },
  footer: {
    privacy: 'Privacy',
    accessibility: 'Toegankelijkheid',
  },
  errors: {
    title: 'Er ging iets mis',
    notFound: 'Deze pagina bestaat niet.',
    badRequest: 'Dit verzoek klopt niet. Ga terug en probeer het opnieuw.',
    csrf: 'Uw formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog een keer.',
    tooLarge: 'Wat u stuurt is te groot.',
    server: 'Er ging iets mis bij ons. Uw eerdere antwoorden zijn bewaard. Probeer het over een paar minuten opnieuw.',
    unavailable:
      'Het is nu erg druk of de database is even niet bereikbaar. Probeer het over een paar minuten opnieuw.',
    backHome: 'Naar de startpagina',
  },
}
