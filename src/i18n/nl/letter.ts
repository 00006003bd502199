/**
 * The printed letters. `invitation` and `reminder` are the default texts of the KTO, in
 * plain language (taalniveau B1): short sentences, "u", one message per paragraph. Many
 * clients read Dutch with difficulty and depend on the municipality for their income, so
 * the letter says early and plainly that answers are anonymous and have no effect on
 * their benefit. Staff edit these texts per round; the merge fields in braces are filled
 * in by src/mailmerge, not by t(). `box` labels the box with the code and the QR code;
 * `placeholders` are the sender and signature of a new template, which staff replace
 * (a template has one sender, so a new template takes the Dutch ones); `municipality`
 * names the sender of a municipality's own template.
 */
export const letter = {
  invitation: {
    subject: 'Wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Wij willen graag weten wat u vindt van de afdeling Werk en Inkomen van de gemeente {gemeente}. Daarom vragen wij u om een vragenlijst in te vullen. Met uw mening kunnen wij ons werk beter doen.

Het invullen duurt ongeveer 15 minuten. U kiest zelf hoe u meedoet:
- Op internet: ga naar {url} en typ uw inlogcode {code} in. Of scan de QR-code rechtsboven met uw telefoon.
- Op papier: vul de vragenlijst in die bij deze brief zit. Stuur hem terug in de antwoordenvelop. Een postzegel is niet nodig.

Meedoen kan tot en met {sluitingsdatum}.

Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Alvast hartelijk dank voor uw hulp!

Met vriendelijke groet,`,
  },
  reminder: {
    subject: 'Herinnering: wat vindt u van Werk en Inkomen?',
    body: `Beste {naam},

Een paar weken geleden kreeg u een brief van ons. Wij vroegen u om een vragenlijst in te vullen over de afdeling Werk en Inkomen van de gemeente {gemeente}.

Heeft u de vragenlijst al ingevuld? Dank u wel! Dan hoeft u niets meer te doen. U kunt deze brief weggooien.

Nog niet ingevuld? Dan vragen wij u om alsnog mee te doen. Ook uw mening telt. Het invullen duurt ongeveer 15 minuten. Uw inlogcode is dezelfde als in de eerste brief.
- Op internet: ga naar {url} en typ uw inlogcode {code} in. Of scan de QR-code rechtsboven met uw telefoon.
- Op papier: gebruik de vragenlijst en de antwoordenvelop uit de eerste brief. Een postzegel is niet nodig.

Meedoen kan tot en met {sluitingsdatum}.

Uw antwoorden zijn anoniem. Wij weten niet wat u invult. Meedoen is vrijwillig. Uw antwoorden hebben geen invloed op uw uitkering.

Met vriendelijke groet,`,
  },
  box: {
    date: 'Datum',
    reference: 'Ons kenmerk',
    online: 'Vul de vragenlijst in op internet:',
    code: 'Uw inlogcode:',
    scan: 'Of scan deze QR-code met de camera van uw telefoon. Dan hoeft u geen code te typen.',
  },
  /** The contact block beside the date; `hours` is the template's own text. */
  contact: {
    heading: 'Heeft u vragen?',
    phone: 'Bel {phone}',
    email: 'Mail naar {email}',
  },
  /** Printed small at the foot of every letter; `{url}` is the site's privacy page. */
  privacy: 'Hoe wij met uw gegevens omgaan, leest u op {url}',
  placeholders: {
    organisation: 'Gemeente',
    department: 'Afdeling Werk en Inkomen',
    signatureName: 'Afdeling Werk en Inkomen',
    signatureRole: 'Gemeente',
    municipality: 'Gemeente {name}',
  },
}
