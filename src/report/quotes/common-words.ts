/**
 * Frequent Dutch words of Werk & Inkomen answers, in lower case. A word from this list
 * is not taken for a name where the position alone would suggest one: right after
 * "mevrouw"/"meneer" used as a plain noun ("de mevrouw van de balie", "een meneer die"),
 * or written with a capital in the middle of a sentence ("de Klantmanager was Top").
 *
 * Words that are also common Dutch names (groot, jong, wit, bos, bakker, visser, kok,
 * mulder, roos, hoop) are left out on purpose: missing a name costs more than a flag.
 */
const WORDS = `
aan aanvraag aanvragen achter af afgelopen afspraak afspraken al alle alleen allemaal alles als altijd
andere anders antwoord antwoorden antwoordt appje arbeid atijd
baan balie beetje begeleiding begeleider begrip behandeld behandeling behulpzaam beide bel belde bellen
beleefd beter betrokken bij bijna bijstand blij blijft brief brieven buiten
collega collegas contact contactpersoon coach consulent consulente cursus
daar daarna dacht dan dank dankbaar dankzij dat de deed den denk denken denkt der deze die dienst
direct dit doe doen doet door duidelijk duurde
echt een eens eerst eerlijk elke en enorm er erg ergens even
fijn fijne formulier formulieren
gaan gaat gaf gebeld gedaan geen gegeven geholpen gekregen geld gemeente genoeg geregeld gesprek
geweest gewoon gezegd ging goed goede graag groet
had hadden heb hebben heeft heel hele helemaal help helpen helpt hem hen het hielp hier hij hoe hoor hun
iedereen iemand iets ik in informatie is
ja jammer je jij jou jullie
kan keer kind kinderen klant klanten klantmanager klantmanagers kon konden krijg krijgen kreeg kwam
laat lang langs later leuk lief lieve lijkt luisteren luistert
maakt maar mag man me medewerker medewerkers medewerkster meer meeste meestal meneer met mevrouw mij
mijn mails meteen misschien moeilijk moest moet moeten mogelijk
na naar natuurlijk nee neemt net niet niemand niets nog nodig nooit nu
of ok oke oké om omdat ondersteuning ook op over
paar per persoon persoonlijk prettig prima probleem problemen
receptie reageert reageren respect rustig
samen sinds snel soms steeds super
te telefoon telefonisch terug tevreden tijd tijdens toch toen top tot twee
uit uitbetaling uitgelegd uitkering uitleg
vaak van vanuit veel verder vind vindt voor vorige vraag vragen vriendelijk vriendelijke vrouw
waar wanneer want waren was wat we weer week weet wel werd werk werken werkt weten wie wil willen
word worden wordt
zag ze zeer zegt zei zelf zich zij zijn zo zoals zonder zou zouden
aandacht adres afdeling akkoord allebei ander baas belangrijk bericht berichten betalen betaling beslissing
bezig bijzonder blijven boete brengen contract dag dagen dingen dossier drie eigen eindelijk ervaring fout
gedrag geduld gehoord gekomen geleden gelukkig gemaakt gesprekken gevoel gezin gezondheid goedkoop groep
huis huur hulp idee jaar jaren klacht klachten kort kost kosten leven lezen maand maanden man
mensen moeder nieuw nieuwe niks nummer onbeleefd onduidelijk ongeveer oud ouders papieren pas plek regel
regels reden school slecht slechte snap stress taal tegen termijn traag uur vader vast verkeerd vrienden
vrijwilliger vrijwilligerswerk wachten wachttijd weken werkloos wet woning zaken ziek ziekte zoon zorg zorgen
antwoordde begreep begrijpt bleef belt dacht denkt gaf hoorde kende legde legt liet luisterde maakte nam
reageerde regelde regelt snapte snapt stuurde stuurt vertelde vertelt vond vroeg vraagt wilde wist zorgde zorgt
`

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean))
