/**
 * The small closed word classes around Dutch personal names: forms of address that
 * announce a name, the tussenvoegsels that belong to a surname, and the abbreviations
 * whose full stop does not end a sentence. All lower case, without the full stop.
 */

/** Forms of address (and their common misspellings) after which a name follows. */
export const TITLES: ReadonlySet<string> = new Set([
  'mevrouw',
  'mevrou',
  'mefrouw',
  'mevouw',
  'mevr',
  'mvr',
  'mw',
  'mevrouwtje',
  'meneer',
  'menheer',
  'meneertje',
  'mijnheer',
  'mnr',
  'dhr',
  'juf',
  'juffrouw',
  'jufrouw',
  'dokter',
  'docter',
  'dr',
  'drs',
  'mr',
  'mrs',
  'meester',
  'zuster',
])

/** Two-word forms of address: the first word, then the second ("de heer"). */
export const TWO_WORD_TITLES: ReadonlyMap<string, string> = new Map([['de', 'heer']])

/**
 * Tussenvoegsels, and the particles of Arabic and Turkish surnames written the same way
 * ("El Amrani", "Abu Bakr"); not "ben", which is mostly "ik ben". They only count as part of a name when a name word follows.
 */
export const PARTICLES: ReadonlySet<string> = new Set([
  'van',
  'de',
  'der',
  'den',
  "'t",
  '’t',
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
  'von',
  'vd',
  'el',
  'al',
  'bin',
  'abu',
  'ait',
])

/** Abbreviations that end with a full stop inside a sentence (titles are added below). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLES,
  'bijv',
  'bv',
  'bvb',
  'o',
  'a',
  'i',
  'p',
  'v',
  't',
  'ca',
  'evt',
  'nl',
  'tel',
  'nr',
  'ivm',
  'mbt',
  'ipv',
  'tov',
  'zgn',
  'resp',
  'incl',
  'excl',
  'vd',
])
