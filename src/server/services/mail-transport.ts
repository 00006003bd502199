/**
 * Where e-mails go: the SMTP server from the environment, or, without one, .eml files in
 * DATA_DIR/mail/ (so a demo works without a mail server; open them with any mail program).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { AppConfig } from '../config.js'

export interface OutgoingMail {
  to: { name: string; address: string }
  subject: string
  text: string
  html: string
  /** Fixed per queue row, so a message sent twice would still be recognisably one message. */
  messageId: string
  language: string
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

export function createMailTransport(config: AppConfig): MailTransport {
  if (config.smtp) {
    const smtp = config.smtp
    const transporter = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      // A mail server that hangs must not hold a queue row for long: see email-queue.ts.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    })
    return {
      send: async (mail) => {
        await transporter.sendMail(message(config, mail))
      },
      close: () => transporter.close(),
    }
  }
  const folder = path.join(config.dataDir, 'mail')
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
  return {
    send: async (mail) => {
      const info = await writer.sendMail(message(config, mail))
      await mkdir(folder, { recursive: true, mode: 0o700 })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.messageId.replace(/[^\w.-]/g, '')}.eml`
      const file = path.join(folder, name)
      // Written under a temporary name first: a half-written file is never taken for a message.
      await writeFile(`${file}.tmp`, info.message as Buffer, { mode: 0o600 })
      await rename(`${file}.tmp`, file)
    },
    close: () => {},
  }
}
