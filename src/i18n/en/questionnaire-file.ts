import type { questionnaireFile as nl } from '#src/i18n/nl/questionnaire-file.ts'

export const questionnaireFile: typeof nl = {
  file: {
    tooLarge: 'The file is larger than {mb} MB. A questionnaire is much smaller: is this the right file?',
    tooLargeUnpacked:
      'Unpacked, the file is larger than {mb} MB. A questionnaire is much smaller: is this the right file?',
    tooManyRows: 'A sheet has more than {max} rows. A questionnaire has far fewer.',
    notXlsx: 'This is not an Excel file (.xlsx) that can be read. Save it as an Excel workbook and try again.',
    missingSheet: 'The sheet "{sheet}" is missing. A questionnaire has the sheets survey, choices and settings.',
    noHeader: 'The sheet is empty. Its first row must hold the column names.',
  },
  columns: {
    unknown: 'Peiling does not know the column "{column}". Columns this sheet can have: {known}.',
    duplicate: 'The column "{column}" is on this sheet twice.',
    missing: 'The column "{column}" is missing.',
    badLanguage: 'The column "{column}" has no language code. Write for example "{example}".',
    notForType: 'The column "{column}" does not belong to the type "{type}". Empty the cell.',
  },
  settings: {
    dutchFirst:
      'Dutch (nl) must be the first language: every other language falls back to Dutch. It now says "{value}".',
    noValues: 'The settings go in row 2, under the column names. Row 2 is empty.',
    extraRow: 'Only row 2 counts on this sheet. Put nothing in the rows below it.',
    badVersion: 'The version must be a whole number of 1 or more, not "{value}".',
    badLanguages:
      'Write the languages as codes with a space between them, for example "nl en tr". It now says "{value}".',
  },
  survey: {
    duplicateNumber: 'The number "{number}" is already on row {row}. Each number may occur only once.',
    screenOutWithoutCodes:
      'There is a text in screen_out_text, but screen_out does not say at which answers the questionnaire stops.',
    badScreenOut:
      'screen_out holds the codes of the answers at which the questionnaire stops, such as 3 or 3 4. It says "{value}".',
    badConcept:
      'The concept "{concept}" is not a valid key. Use lower-case letters, digits, _, - and dots, starting with a letter.',
    duplicateConcept: 'The concept "{concept}" is already on row {row}. A concept is measured only once per version.',
    minAboveMax: 'The parameter min ({min}) is larger than max ({max}).',
    maxAboveOptions: 'The parameter max is {max}, but the choice list has only {count} answers.',
    missingType: 'This row has no type.',
    unknownType: 'Peiling does not know the type "{type}". Use one of: {known}.',
    unknownTypeHint: 'Peiling does not know the type "{type}". Use "{instead}".',
    extraTypeWord: 'After the type it says "{word}". Only a choice list may go there.',
    missingName: 'This row has no name (column name).',
    badName:
      'The name "{name}" cannot become a variable. Use lower-case letters, digits and _, starting with a letter.',
    duplicateName: 'The name "{name}" is already on row {row}. Each name may occur only once.',
    missingNumber: 'This question has no number (column number).',
    missingDutchLabel: 'The Dutch text is missing (column {column}).',
    missingList: 'Write the name of the choice list after the type, for example "{type} answers".',
    listNotAllowed: 'The type "{type}" has no choice list. Remove "{list}".',
    unknownList: 'The choice list "{list}" is not on the choices sheet.',
    gradeListTooLong:
      'The choice list "{list}" of a grade may have only one answer besides 1-10: the "don\'t know" answer.',
    gradeMarkerOutsideGrade: 'The choice list "{list}" is for a grade (row 1-10) and does not fit "{type}".',
    outsideGroup: 'This question is outside a group. Put a begin_group row above it and an end_group row below.',
    nestedGroup: 'A group is already open (row {row}). Close it first with end_group: groups cannot be nested.',
    unclosedGroup: 'This group is not closed. Put an end_group row under its last question.',
    endWithoutBegin: 'This says {type}, but no group is open.',
    emptyGroup: 'This group has no questions.',
    itemOutsideGroup: 'A {item} belongs between {begin} and {end}.',
    unclosedItems: 'This question is not closed. Put an {end} row under the last {item}.',
    emptyItems: 'This question has no {item}.',
    questionInItems: 'Between {begin} (row {row}) and {end} there are only {item} rows.',
    itemOfOtherGroup: 'A {item} or an {end} belongs here: the question began with {begin}.',
    badRequired: 'Write "yes" or "no" in the required column, not "{value}".',
    unknownParameter: 'The type "{type}" has no parameter "{parameter}". It has: {known}.',
    badParameter:
      'Write parameters as name=value with a space between them, for example "min=0 max=40". "{text}" is not that.',
    badParameterValue: 'The parameter "{parameter}" must be {expected}, not "{value}".',
    missingParameter: 'The type "{type}" needs the parameter "{parameter}", for example "min=0 max=40".',
    expectedNumber: 'a number',
    expectedWhole: 'a whole number of 1 or more',
    expectedYesNo: '"yes" or "no"',
  },
  showIf: {
    syntax:
      'The condition "{text}" cannot be read at "{at}". Write for example "question = 1", "question in (1, 2)" or "question beantwoord", and join parts with en, of, niet and brackets.',
    unknownQuestion: 'The condition names "{name}", but there is no question of that name.',
    laterQuestion:
      'The condition names "{name}", but that question only comes later (row {row}). A condition can only look at earlier questions.',
  },
  choices: {
    duplicateValue: 'The value {value} is already on row {row} of the list "{list}". Each answer has its own value.',
    missingListName: 'This row has no list_name.',
    missingValue: 'This row has no value (column name).',
    badValue:
      'The value must be a whole number, for example 1 or 99, not "{value}". Only a grade list has a row "1-10".',
    badFlag: 'Write "yes" in the {column} column or leave the cell empty, not "{value}".',
    labelOnGradeRow: 'The 1-10 row needs no text: Peiling puts "very poor" and "excellent" at 1 and 10 itself.',
  },
}
