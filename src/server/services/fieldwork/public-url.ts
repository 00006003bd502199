/**
 * Whether PUBLIC_URL can go on paper: a letter is printed once, so the address it tells
 * people to type must be the public HTTPS site, not a developer's machine or an intranet
 * name that only works inside the town hall.
 */

/** Why an address cannot be printed; undefined when it can. */
export type PublicUrlProblem = 'invalid' | 'notHttps' | 'notPublic'

/** Host names that only resolve on the machine itself or inside a private network. */
const PRIVATE_SUFFIXES = ['.localhost', '.local', '.internal', '.lan', '.intranet', '.home.arpa', '.test', '.example']

function isPrivateIpv4(host: string): boolean {
  const parts = host.split('.').map(Number)
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return false
  const [a, b] = parts as [number, number, number, number]
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

export function publicUrlProblem(publicUrl: string): PublicUrlProblem | undefined {
  let url: URL
  try {
    url = new URL(publicUrl)
  } catch {
    return 'invalid'
  }
  if (url.protocol !== 'https:') return 'notHttps'
  const host = url.hostname.toLowerCase()
  // An IP address (v6 in brackets, or four numbers) is no address a client can type or trust.
  if (host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host) || isPrivateIpv4(host)) return 'notPublic'
  if (host === 'localhost' || !host.includes('.') || PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return 'notPublic'
  return undefined
}
