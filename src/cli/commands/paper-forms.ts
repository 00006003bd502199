import { printFilesCommand } from '../fieldwork.js'

export const paperFormsCommand = printFilesCommand(
  {
    name: 'paper-forms',
    summary:
      'Make the printed questionnaires of the invitation letters (code and barcode on every page, same order as the letters), with a progress line.',
  },
  'questionnaires',
)
