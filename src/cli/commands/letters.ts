import { printFilesCommand } from '#src/cli/fieldwork.ts'

export const lettersCommand = printFilesCommand(
  {
    name: 'letters',
    summary:
      'Make the letters PDF (one per municipality, by postcode) with a progress line: the invitation letters (made now if needed), or a given mailing; --again remakes them (same codes).',
  },
  'letters',
)
