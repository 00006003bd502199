import { printFilesCommand } from '#src/cli/fieldwork.ts'

export const paperFormsCommand = printFilesCommand(
  {
    name: 'paper-forms',
    summary:
      'Make the printed questionnaires of the invitation letters (code and barcode on every page, same order as the letters), with a progress line.',
  },
  'questionnaires',
)
