import { printFilesCommand } from '#src/cli/fieldwork.ts'

export const lettersCommand = printFilesCommand(
  {
    name: 'letters',
    summary:
      'Make the print files (one per municipality, by postcode) with a progress line: per person the letter and their paper form as one collated stream with its list of sets, or only the letters with --separate (paper-forms makes the forms then); the invitation (made now if needed), or a given mailing; --again remakes them (same codes).',
  },
  'letters',
)
