/** Every CLI command; each lives in its own file beside this one. */
import type { Command } from '#src/cli/command.ts'
import { migrate } from './migrate.ts'
import { createUser } from './create-user.ts'
import { roundCommand } from './round.ts'
import { importCommand } from './import.ts'
import { sampleCommand } from './sample.ts'
import { lettersCommand } from './letters.ts'
import { paperFormsCommand } from './paper-forms.ts'
import { checkPrintCommand } from './check-print.ts'
import { mailingListCommand } from './mailing-list.ts'
import { sendEmailCommand } from './send-email.ts'
import { remindCommand } from './remind.ts'
import { exportCommand } from './export.ts'
import { reportCommand } from './report.ts'
import { purgeCommand } from './purge.ts'
import { demoCommand } from './demo.ts'
import { questionnaireCommand } from './questionnaire.ts'
import { scansCommand } from './scans.ts'

export const COMMANDS: Command[] = [
  migrate,
  createUser,
  roundCommand,
  importCommand,
  sampleCommand,
  lettersCommand,
  paperFormsCommand,
  checkPrintCommand,
  mailingListCommand,
  sendEmailCommand,
  remindCommand,
  exportCommand,
  reportCommand,
  purgeCommand,
  demoCommand,
  questionnaireCommand,
  scansCommand,
]
