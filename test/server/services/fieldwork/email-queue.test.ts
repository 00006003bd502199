import net from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SMTPServerOptions } from 'smtp-server'
import { SMTPServer } from 'smtp-server'
import type { ParsedMail } from 'mailparser'
import { simpleParser } from 'mailparser'
import type { DatabaseHandle } from '#src/server/db/connect.ts'
import { createTestDatabase } from '#test/helpers/database.ts'
import type { RoundFixture } from '#test/helpers/fixtures.ts'
import { createRound } from '#test/helpers/fixtures.ts'
import { testConfig } from '#test/helpers/app.ts'
import { createMailings } from '#src/server/services/fieldwork/mailings.ts'
import { listen, onFreePort } from '#test/setup/free-port.ts'
import {
  processEmailQueue,
  queueStatus,
  requeueMessages,
  problemMessages,
} from '#src/server/services/fieldwork/email-queue.ts'
import { createMailTransport } from '#src/server/services/fieldwork/mail-transport.ts'
import { formatLoginCode } from '#src/codes/login-code.ts'
import { formatDate } from '#src/i18n/translate.ts'

const actor = { id: null, username: 'test' }
const PUBLIC_URL = 'http://peiling.test'

/** A real SMTP server on loopback that keeps what it receives. */
class TestMailServer {
  received: ParsedMail[] = []
  private server?: SMTPServer
  port = 0

  private readonly hooks: Partial<SMTPServerOptions>
  private readonly afterMessage?: (count: number) => void

  constructor(hooks: Partial<SMTPServerOptions> = {}, afterMessage?: (count: number) => void) {
    this.hooks = hooks
    this.afterMessage = afterMessage
  }

  /** Listens on `port`, or on a free one. */
  async start(port?: number): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      ...this.hooks,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then((mail) => {
          this.received.push(mail)
          callback()
          this.afterMessage?.(this.received.length)
        }, callback)
      },
    })
    const server = this.server
    if (port !== undefined) await listen(server, port)
    else
      port = await onFreePort(async (free) => {
        await listen(server, free)
        return free
      })
    this.port = port
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
  }

  countTo(address: string): number {
    return this.received.filter((m) =>
      (Array.isArray(m.to) ? m.to : [m.to]).some((to) => to?.value.some((v) => v.address === address)),
    ).length
  }
}

let database: DatabaseHandle
beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => database.close())

async function roundWithEmails(perStratum: number, email = (id: number) => `p${id}@example.nl`): Promise<RoundFixture> {
  const round = await createRound(database.db, { participantsPerStratum: perStratum })
  for (const p of round.participants) {
    await database.db
      .updateTable('participants')
      .set({ email: email(p.id) })
      .where('id', '=', p.id)
      .execute()
  }
  return round
}

function transportTo(server: TestMailServer) {
  return createMailTransport(testConfig({ smtp: { host: '127.0.0.1', port: server.port, secure: false } }))
}

describe('the e-mail queue', () => {
  let server: TestMailServer
  beforeEach(async () => {
    server = new TestMailServer()
    await server.start()
    return () => server.stop()
  })

  it('mails each participant with an address once: plain text and HTML, personal code and link, no images', async () => {
    const round = await roundWithEmails(2)
    // One participant without an address gets no e-mail.
    await database.db
      .updateTable('participants')
      .set({ email: null })
      .where('id', '=', round.participants[0]!.id)
      .execute()
    await database.db
      .updateTable('participants')
      .set({ language: 'en' })
      .where('id', '=', round.participants[1]!.id)
      .execute()
    await database.db
      .updateTable('participants')
      .set({ language: 'pl' })
      .where('id', '=', round.participants[3]!.id)
      .execute()
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['email'], {
      actor,
      publicUrl: PUBLIC_URL,
    })
    expect(mailing!.recipients).toBe(5)

    const run = await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })
    expect(run).toMatchObject({ sent: 5, failed: 0, uncertain: 0 })
    expect(server.received).toHaveLength(5)
    const p2 = round.participants[2]!
    const mail = server.received.find((m) => m.text?.includes(formatLoginCode(p2.code)))!
    expect(mail.subject).toBe('Wat vindt u van Werk en Inkomen?')
    expect(mail.text).toContain(`${PUBLIC_URL}/c/${p2.code}`)
    expect(mail.html).toContain(`<a href="${PUBLIC_URL}/c/${p2.code}">`)
    expect(mail.html).not.toMatch(/<img|background=|url\(/i)
    // Signed as the letters of this municipality are (here the default template).
    expect(mail.text).toContain('Met vriendelijke groet,\nAfdeling Werk en Inkomen\nGemeente Haaksbergen')
    expect(mail.attachments).toEqual([])
    const stored = await database.db
      .selectFrom('email_messages')
      .select('message_id')
      .where('participant_id', '=', p2.id)
      .executeTakeFirstOrThrow()
    expect(mail.messageId).toBe(stored.message_id)
    // The participant with language "en" gets English.
    const english = server.received.find((m) => m.text?.includes(formatLoginCode(round.participants[1]!.code)))!
    expect(english.subject).toBe('What do you think of Work and Income?')
    // The participant with language "pl" gets Polish, with the closing date written the Polish way.
    const { closes_on } = await database.db
      .selectFrom('rounds')
      .select('closes_on')
      .where('id', '=', round.roundId)
      .executeTakeFirstOrThrow()
    const polish = server.received.find((m) => m.text?.includes(formatLoginCode(round.participants[3]!.code)))!
    expect(polish.subject).toBe('Prosimy o opinię o Wydziale Pracy i Dochodu')
    expect(polish.text).toContain(`Ankietę można wypełnić do ${formatDate(closes_on, 'pl')} włącznie.`)
    expect(await queueStatus(database.db, mailing!.mailingId)).toMatchObject({ sent: 5, queued: 0 })

    // Running again sends nothing more.
    expect(await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })).toMatchObject({
      sent: 0,
    })
    expect(server.received).toHaveLength(5)
  })

  it('survives the mail server going down mid-batch: after recovery everyone is mailed exactly once', async () => {
    await server.stop()
    let port = 0
    const flaky = new TestMailServer({}, (count) => {
      if (count === 7) void flaky.stop()
    })
    await flaky.start()
    port = flaky.port
    const round = await roundWithEmails(7) // 21 people
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['email'], {
      actor,
      publicUrl: PUBLIC_URL,
    })

    const first = await processEmailQueue(database.db, transportTo(flaky), { publicUrl: PUBLIC_URL, retryDelays: [0] })
    expect(first.serverDown).toBe(true)
    expect(first.sent).toBe(7)
    const during = await queueStatus(database.db, mailing!.mailingId)
    expect(during).toMatchObject({ sent: 7, queued: 14, sending: 0, uncertain: 0 })
    const waiting = await problemMessages(database.db, mailing!.mailingId)
    expect(waiting).toHaveLength(1)
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED/)

    // Still down: nothing is lost, nothing is sent.
    expect(
      await processEmailQueue(database.db, transportTo(flaky), { publicUrl: PUBLIC_URL, retryDelays: [0] }),
    ).toMatchObject({ sent: 0, serverDown: true })

    const recovered = new TestMailServer()
    await recovered.start(port)
    const second = await processEmailQueue(database.db, transportTo(recovered), {
      publicUrl: PUBLIC_URL,
      retryDelays: [0],
    })
    await recovered.stop()
    expect(second).toMatchObject({ sent: 14, serverDown: false })
    for (const p of round.participants) {
      expect(
        flaky.countTo(`p${p.id}@example.nl`) + recovered.countTo(`p${p.id}@example.nl`),
        `participant ${p.id}`,
      ).toBe(1)
    }
    expect(await queueStatus(database.db, mailing!.mailingId)).toMatchObject({ sent: 21, queued: 0 })
    server = recovered // the beforeEach teardown stops a server; this one is stopped already
    await server.start()
  })

  it('records permanent refusals as failed and bounced, retries temporary ones', async () => {
    await server.stop()
    const tried = new Set<string>()
    server = new TestMailServer({
      onRcptTo: (address, _session, callback) => {
        if (address.address.startsWith('bounce'))
          return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }))
        if (address.address.startsWith('later') && !tried.has(address.address)) {
          tried.add(address.address)
          return callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }))
        }
        callback()
      },
    })
    await server.start()
    const round = await roundWithEmails(1, (id) =>
      id % 3 === 0 ? `bounce${id}@example.nl` : id % 3 === 1 ? `later${id}@example.nl` : `ok${id}@example.nl`,
    )
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['email'], {
      actor,
      publicUrl: PUBLIC_URL,
    })
    const first = await processEmailQueue(database.db, transportTo(server), {
      publicUrl: PUBLIC_URL,
      retryDelays: [3600],
    })
    expect(first).toMatchObject({ sent: 1, failed: 1, retry: 1 })
    // Not due yet: the next run leaves it waiting.
    expect(await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })).toMatchObject({
      sent: 0,
      retry: 0,
    })
    const problems = await problemMessages(database.db, mailing!.mailingId)
    const bounced = problems.find((p) => p.status === 'failed')!
    expect(bounced.lastError).toContain('No such user here')
    expect(bounced.bounced).toBe(true)
    const later = problems.find((p) => p.status === 'queued')!
    expect(later.lastError).toContain('try again later')

    // An hour later:
    await database.db
      .updateTable('email_messages')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('mailing_id', '=', mailing!.mailingId)
      .where('status', '=', 'queued')
      .execute()
    const second = await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })
    expect(second).toMatchObject({ sent: 1, failed: 0 })
    expect(server.received).toHaveLength(2)
    // A bounced address is not mailed again, not even when staff ask to retry failed ones.
    expect(await requeueMessages(database.db, round.roundId, mailing!.mailingId, 'failed', actor)).toBe(0)
  })

  it('never resends a message whose sending was interrupted, unless staff decide to', async () => {
    const round = await roundWithEmails(1)
    const [mailing] = await createMailings(database.db, round.roundId, 'invitation', ['email'], {
      actor,
      publicUrl: PUBLIC_URL,
    })
    // A worker claimed this row and died: after "250 OK" or before, nobody knows.
    const crashed = round.participants[0]!
    await database.db
      .updateTable('email_messages')
      .set({ status: 'sending', attempts: 1, claimed_at: new Date(Date.now() - 10 * 60_000) })
      .where('participant_id', '=', crashed.id)
      .execute()
    const run = await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })
    expect(run.sent).toBe(2)
    expect(server.countTo(`p${crashed.id}@example.nl`)).toBe(0)
    const [uncertain] = await problemMessages(database.db, mailing!.mailingId)
    expect(uncertain).toMatchObject({ participantId: crashed.id, status: 'uncertain' })

    expect(await requeueMessages(database.db, round.roundId, mailing!.mailingId, 'uncertain', actor)).toBe(1)
    await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })
    expect(server.countTo(`p${crashed.id}@example.nl`)).toBe(1)
    const resent = server.received.find((m) => m.text?.includes(formatLoginCode(crashed.code)))!
    const row = await database.db
      .selectFrom('email_messages')
      .select('message_id')
      .where('participant_id', '=', crashed.id)
      .executeTakeFirstOrThrow()
    expect(resent.messageId).toBe(row.message_id)
  })

  it('two workers at once send every message exactly once', async () => {
    const round = await roundWithEmails(10)
    await createMailings(database.db, round.roundId, 'invitation', ['email'], { actor, publicUrl: PUBLIC_URL })
    const [a, b] = await Promise.all([
      processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL }),
      processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL }),
    ])
    expect(a!.sent + b!.sent).toBe(30)
    for (const p of round.participants) expect(server.countTo(`p${p.id}@example.nl`)).toBe(1)
  })

  it('skips a reminder for someone who completed after the batch was made', async () => {
    const round = await roundWithEmails(1)
    const [mailing] = await createMailings(database.db, round.roundId, 'reminder', ['email'], {
      actor,
      publicUrl: PUBLIC_URL,
    })
    expect(mailing!.recipients).toBe(3)
    await database.db
      .updateTable('participants')
      .set({ status: 'completed', completed_mode: 'paper' })
      .where('id', '=', round.participants[0]!.id)
      .execute()
    const run = await processEmailQueue(database.db, transportTo(server), { publicUrl: PUBLIC_URL })
    expect(run).toMatchObject({ sent: 2, skipped: 1 })
    expect(server.received.every((m) => m.subject?.startsWith('Herinnering'))).toBe(true)
  })
})

/** Where in the SMTP conversation the dying server cuts the connection. */
type Stage = 'greeting' | 'EHLO' | 'MAIL FROM' | 'RCPT TO' | 'DATA' | 'end of message'

/**
 * A mail server that speaks SMTP until `stage` and then drops the connection without a
 * word, as a server does that crashes or loses its network there.
 */
async function serverDyingAt(stage: Stage): Promise<{ port: number; stop(): Promise<void> }> {
  const server = net.createServer((socket) => {
    if (stage === 'greeting') return socket.destroy()
    socket.write('220 dying.test ESMTP\r\n')
    let buffer = ''
    let inData = false
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1')
      if (inData) {
        if (!buffer.includes('\r\n.\r\n')) return
        // The whole message is here: the server stops before saying "250 OK".
        return socket.destroy()
      }
      for (let end = buffer.indexOf('\r\n'); end !== -1; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end).toUpperCase()
        buffer = buffer.slice(end + 2)
        const command = line.startsWith('EHLO')
          ? 'EHLO'
          : line.startsWith('MAIL FROM')
            ? 'MAIL FROM'
            : line.startsWith('RCPT TO')
              ? 'RCPT TO'
              : line === 'DATA'
                ? 'DATA'
                : line
        if (command === stage) return socket.destroy()
        if (command === 'EHLO') socket.write('250 dying.test\r\n')
        else if (command === 'DATA') {
          socket.write('354 go ahead\r\n')
          inData = true
        } else if (command === 'QUIT') socket.end('221 bye\r\n')
        else socket.write('250 OK\r\n')
      }
    })
    socket.on('error', () => undefined)
  })
  const port = await onFreePort(async (free) => {
    await listen(server, free)
    return free
  })
  return { port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe('a mail server that dies during the conversation', () => {
  // A database of its own: the queue is worked across mailings, and earlier tests leave messages waiting.
  let own: DatabaseHandle
  beforeAll(async () => {
    own = await createTestDatabase()
  })
  afterAll(async () => own.close())

  it.each<[Stage, 'queued' | 'uncertain']>([
    ['greeting', 'queued'],
    ['EHLO', 'queued'],
    ['MAIL FROM', 'queued'],
    ['RCPT TO', 'queued'],
    ['DATA', 'queued'],
    ['end of message', 'uncertain'],
  ])('at %s: the message is %s', async (stage, expected) => {
    const dying = await serverDyingAt(stage)
    // Only this case's message in the queue.
    await own.db.deleteFrom('email_messages').execute()
    try {
      const round = await createRound(own.db, {
        participantsPerStratum: 1,
        strata: [{ code: 'rijssen', name: 'Rijssen' }],
      })
      await own.db
        .updateTable('participants')
        .set({ email: 'iemand@example.nl' })
        .where('round_id', '=', round.roundId)
        .execute()
      const [mailing] = await createMailings(own.db, round.roundId, 'invitation', ['email'], {
        actor,
        publicUrl: PUBLIC_URL,
      })
      const transport = createMailTransport(
        testConfig({ smtp: { host: '127.0.0.1', port: dying.port, secure: false } }),
      )
      const run = await processEmailQueue(own.db, transport, { publicUrl: PUBLIC_URL, retryDelays: [0], limit: 1 })
      transport.close()
      // Before the end of the message nothing can have arrived: it waits to be sent again
      // by itself. After it, the server may have taken it: a person decides.
      expect(run).toMatchObject({ sent: 0, failed: 0, uncertain: expected === 'uncertain' ? 1 : 0 })
      const status = await queueStatus(own.db, mailing!.mailingId)
      expect(status).toMatchObject({ sent: 0, [expected]: 1 })
    } finally {
      await dying.stop()
    }
  })
})
