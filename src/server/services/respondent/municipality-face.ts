/**
 * How a respondent recognises their own municipality on the site: the name, logo and
 * contact line of the letter they received (the invitation template of their
 * municipality, else the round's, else the built-in default with the municipality's name).
 * The letter comes from "Gemeente Borne"; a site that only says "Peiling" gives a client
 * who depends on that municipality no reason to trust it.
 */
import { createHash } from 'node:crypto'
import type { DB } from '#src/server/db/connect.ts'
import { effectiveTemplate } from '#src/server/services/fieldwork/letter-templates.ts'

export interface MunicipalityFace {
  /** As the letter's sender says it, e.g. "Gemeente Borne". */
  name: string
  phone?: string
  email?: string
  /** Where the logo is served, with a hash of its content: cached for good, changed when it changes. */
  logoPath?: string
}

export interface Logo {
  data: Buffer
  type: string
}

/** Templates change rarely and a page needs the face on every view: read at most once a minute per municipality. */
const FRESH_MS = 60 * 1000

export class MunicipalityFaces {
  private readonly db: DB
  private readonly faces = new Map<string, { face: MunicipalityFace; readAt: number }>()

  constructor(db: DB) {
    this.db = db
  }

  async of(roundId: number, stratumId: number): Promise<MunicipalityFace> {
    const key = `${roundId}:${stratumId}`
    const known = this.faces.get(key)
    if (known && Date.now() - known.readAt < FRESH_MS) return known.face
    // The logo's address names the template row it is read from, with a hash of its content.
    const { template, id } = await effectiveTemplate(this.db, roundId, stratumId, 'invitation')
    const { organisation, phone, email } = template.sender
    const face: MunicipalityFace = {
      name: organisation,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(id !== null && template.logo ? { logoPath: `/gemeente-logo/${id}-${contentHash(template.logo)}` } : {}),
    }
    this.faces.set(key, { face, readAt: Date.now() })
    return face
  }

  /** The logo behind a `logoPath`, if that path is still current. */
  async logo(file: string): Promise<Logo | undefined> {
    const match = /^(\d{1,9})-([0-9a-f]{16})$/.exec(file)
    if (!match) return undefined
    const row = await this.db
      .selectFrom('letter_templates')
      .select(['logo', 'logo_type'])
      .where('id', '=', Number(match[1]))
      .executeTakeFirst()
    if (!row?.logo || !row.logo_type) return undefined
    const data = Buffer.from(row.logo)
    return contentHash(data) === match[2] ? { data, type: row.logo_type } : undefined
  }
}

function contentHash(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex').slice(0, 16)
}
