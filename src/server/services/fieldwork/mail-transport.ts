/**
 * Where e-mails go: the SMTP server from the environment, or, without one, .eml files in
 * DATA_DIR/mail/ (so a demo works without a mail server; open them with any mail program).
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import nodemailer from 'nodemailer'
import type { SendMailOptions } from 'nodemailer'
import MailComposer from 'nodemailer/lib/mail-composer'
import SMTPConnection from 'nodemailer/lib/smtp-connection'
import type { SmtpConfig } from '#src/server/config.ts'
import type { AppConfig } from '#src/server/config.ts'

export interface OutgoingMail {
  to: { name: string; address: string }
  subject: string
  text: string
  html: string
  /** Fixed per queue row, so a message sent twice would still be recognisably one message. */
  messageId: string
  language: string
}

/**
 * A failed SMTP send, with whether the whole message had gone to the server: only then
 * can the server have accepted it without our hearing so (see email-queue.ts).
 */
export class SendError extends Error {
  /** The message's last byte was passed to the connection before it failed. */
  readonly messageHandedOver: boolean

  constructor(cause: unknown, messageHandedOver: boolean) {
    super(cause instanceof Error ? cause.message : String(cause), { cause })
    this.name = 'SendError'
    this.messageHandedOver = messageHandedOver
  }
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

function message(config: AppConfig, mail: OutgoingMail): SendMailOptions {
  return {
    from: config.mailFrom,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: { 'Content-Language': mail.language },
  }
}

/**
 * One message over one SMTP connection (as nodemailer's transport does without a pool),
 * through nodemailer's SMTPConnection so that the end of the message is seen: the
 * connection reads the message only after the server's "354" to DATA, so a break before
 * the message has been read to its end is a message that certainly did not arrive.
 */
async function sendOverSmtp(
  smtp: SmtpConfig,
  envelope: { from: string | false; to: string[] },
  raw: Buffer,
): Promise<void> {
  const connection = new SMTPConnection({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    // A mail server that hangs must not hold a queue row for long: see email-queue.ts.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  })
  let handedOver = false
  const body = Readable.from([raw]).on('end', () => {
    handedOver = true
  })
  const failed = new Promise<never>((_resolve, reject) => connection.once('error', reject))
  // An error after the message went (e.g. during QUIT) changes nothing: not an unhandled rejection.
  failed.catch(() => undefined)
  const step = <T>(run: (done: (error: Error | null, result?: T) => void) => void) =>
    Promise.race([failed, new Promise<T | undefined>((resolve, reject) => run((e, r) => (e ? reject(e) : resolve(r))))])
  try {
    await step<void>((done) => connection.connect((error) => done(error ?? null)))
    if (smtp.user)
      await step<boolean>((done) => connection.login({ user: smtp.user!, pass: smtp.password ?? '' }, done))
    await step((done) => connection.send(envelope, body, done))
    connection.quit()
  } catch (error) {
    connection.close()
    throw new SendError(error, handedOver)
  }
}

export function createMailTransport(config: AppConfig): MailTransport {
  if (config.smtp) {
    const smtp = config.smtp
    return {
      send: async (mail) => {
        const compiled = new MailComposer(message(config, mail)).compile()
        await sendOverSmtp(smtp, compiled.getEnvelope(), await compiled.build())
      },
      close: () => undefined,
    }
  }
  const folder = mailFolder(config)
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  return {
    send: async (mail) => {
      const info = await writer.sendMail(message(config, mail))
      await mkdir(folder, { recursive: true, mode: 0o700 })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}${fileSuffix(mail.messageId)}`
      const file = path.join(folder, name)
      // Written under a temporary name first: a half-written file is never taken for a message.
      await writeFile(`${file}.tmp`, info.message as Buffer, { mode: 0o600 })
      await rename(`${file}.tmp`, file)
    },
    close: () => {},
  }
}

function mailFolder(config: Pick<AppConfig, 'dataDir'>): string {
  return path.join(config.dataDir, 'mail')
}

/** How a message's file name ends: its Message-ID made safe for a file name. */
function fileSuffix(messageId: string): string {
  return `-${messageId.replace(/[^\w.-]/g, '')}.eml`
}

/**
 * Deletes the .eml files written without SMTP for these messages: they hold names, e-mail
 * addresses and login codes, which the purge of a round promises to remove.
 */
export async function deleteWrittenMessages(
  config: Pick<AppConfig, 'dataDir'>,
  messageIds: readonly string[],
): Promise<void> {
  if (messageIds.length === 0) return
  const suffixes = new Set(messageIds.map(fileSuffix))
  let names: string[]
  try {
    names = await readdir(mailFolder(config))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  for (const name of names) {
    // The name is the time of writing ("…T12-00-00-000Z") and then the suffix.
    const timeEnd = name.indexOf('Z-')
    if (timeEnd >= 0 && suffixes.has(name.slice(timeEnd + 1)))
      await rm(path.join(mailFolder(config), name), { force: true })
  }
}
