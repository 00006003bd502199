/** Every CLI command; each lives in its own file beside this one. */
import type { Command } from '../command.js'
import { migrate } from './migrate.js'
import { createUser } from './create-user.js'
import { roundCommand } from './round.js'
import { importCommand } from './import.js'
import { sampleCommand } from './sample.js'
import { lettersCommand } from './letters.js'
import { paperFormsCommand } from './paper-forms.js'
import { mailingListCommand } from './mailing-list.js'
import { sendEmailCommand } from './send-email.js'
import { remindCommand } from './remind.js'
import { exportCommand } from './export.js'
import { purgeCommand } from './purge.js'
import { demoCommand } from './demo.js'

export const COMMANDS: Command[] = [
  migrate,
  createUser,
  roundCommand,
  importCommand,
  sampleCommand,
  lettersCommand,
  paperFormsCommand,
  mailingListCommand,
  sendEmailCommand,
  remindCommand,
  exportCommand,
  purgeCommand,
  demoCommand,
]
