/**
 * The invitation and reminder e-mails, in plain language (B1). A paragraph is plain text
 * with fields in braces, paragraphs are separated by a blank line, and `{link}` alone on
 * a paragraph becomes the personal link (a clickable link in HTML, the bare address in
 * plain text). The fields are filled in by src/mail/render.ts, not by t().
 */
export const email = {
  invitation: {
    subject: 'Wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Wij willen graag weten wat u vindt van de afdeling Werk en Inkomen van de gemeente {gemeente}. Wilt u daarvoor een vragenlijst invullen? Het duurt ongeveer 15 minuten.

Klik op deze link om te beginnen:

{link}

Werkt de link niet? Ga dan naar {url} en typ uw inlogcode: {code}

U krijgt ook een brief met een papieren vragenlijst. U hoeft maar één keer mee te doen: op internet of op papier.

Meedoen kan tot en met {sluitingsdatum}.

Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Met vriendelijke groet,
{afzender}`,
  },
  reminder: {
    subject: 'Herinnering: wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Kort geleden vroegen wij u om een vragenlijst in te vullen over de afdeling Werk en Inkomen van de gemeente {gemeente}.

Heeft u al meegedaan? Dan kunt u deze e-mail vergeten. Hartelijk dank!

Nog niet meegedaan? Doe dan alsnog mee. Ook uw mening is belangrijk. Klik op deze link om te beginnen:

{link}

Werkt de link niet? Ga dan naar {url} en typ uw inlogcode: {code}

Meedoen kan tot en met {sluitingsdatum}.

Uw antwoorden zijn anoniem. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Met vriendelijke groet,
{afzender}`,
  },
}
