/** Client files of a chosen size, for tests of the upload limits. */

/** A CSV of about `megabytes` MB: the header and lines of twelve filled columns. */
export function bigCsv(megabytes: number): Buffer {
  const header =
    'klantnummer;voorletters;tussenvoegsel;achternaam;straat;huisnummer;toevoeging;postcode;woonplaats;gemeente;email;taal\n'
  const line = (i: number) =>
    `K${i};A.B.;van der;Achternaam${i};Dorpsstraat;${i % 300};a;7551 AA;Hengelo;hengelo;a${i}@example.nl;nl\n`
  const lines: string[] = [header]
  let size = header.length
  for (let i = 0; size < megabytes * 1024 * 1024; i++) {
    const l = line(i)
    lines.push(l)
    size += l.length
  }
  return Buffer.from(lines.join(''), 'utf8')
}
