/**
 * The definition checker (src/questionnaire) words its faults in English, for the
 * developers who edit the shipped files. Researchers who upload a file read them in the
 * language of their screen: each message form is recognised here and told again from
 * the catalogue (management.questionnaires.faults), with the names and values it
 * carries. A message without a form here (a new check, or one from the workbook reader)
 * is shown as it is; test/server/services/questionnaires/fault-messages.test.ts makes
 * every form the checker has today produce a known one.
 */
import type { KeyUnder } from '#src/i18n/translate.ts'

export type FaultKey = KeyUnder<'management.questionnaires.faults'>

/** Message forms, most specific first: the first that matches tells the message. */
const FORMS: Array<[RegExp, FaultKey]> = [
  [/^A condition needs exactly one of: /, 'conditionForm'],
  [/^Unexpected "(?<name>[^"]+)" in this condition\./, 'conditionExtra'],
  [/^A Dutch \(nl\) text is required\.$/, 'dutchRequired'],
  [/^The Dutch \(nl\) text is empty\.$/, 'dutchEmpty'],
  [/^Required property "(?<name>.+)" is missing\.$/, 'required'],
  [/^Unknown property "(?<name>[^"]+)"\. Did you mean "(?<suggestion>[^"]+)"\?$/, 'unknownSuggest'],
  [/^Unknown property "(?<name>[^"]+)"\. Known properties here: (?<known>.+)\.$/, 'unknownKnown'],
  [/^Must be text \(a string\)\. In YAML, put it in quotes: "(?<value>.*)"\.$/, 'quoteText'],
  [/^Must be text \(a string\)\.$/, 'typeText'],
  [/^Must be a number\.$/, 'typeNumber'],
  [/^Must be a whole number\.$/, 'typeInteger'],
  [/^Must be true or false\.$/, 'typeBoolean'],
  [/^Must be a list\.$/, 'typeList'],
  [/^Must be a mapping of keys to values\.$/, 'typeMapping'],
  [/^(?<value>.+) is not a valid id: /, 'badId'],
  [/^(?<value>.+) is not a valid questionnaire id: /, 'badKey'],
  [/^(?<value>.+) is not a language code: /, 'badLanguage'],
  [/^(?<value>.+) does not match the pattern (?<pattern>.+)\.$/, 'pattern'],
  [/^Must not be empty\.$/, 'notEmpty'],
  [/^Must not be an empty list\.$/, 'emptyList'],
  [/^Must have at least (?<count>\d+) entries\.$/, 'minItems'],
  [/^Must be (?<limit>-?[\d.]+) or more\.$/, 'minimum'],
  [/^(?<value>.+) is listed twice\.$/, 'listedTwice'],
  [/^Must be one of: (?<values>.+)\.$/, 'oneOf'],
  [/^Unknown type "(?<type>[^"]*)": use one of (?<types>.+)\.$/, 'unknownType'],
  [/^The type must be text: one of (?<types>.+)\.$/, 'typeName'],
  [/^Must be (?<value>.+)\.$/, 'mustBe'],
  [/^The first language must be "nl"/, 'firstLanguage'],
  [/^Value (?<value>\S+) is already used by (?<other>\S+); every option needs its own value\.$/, 'valueTwice'],
  [/^A grid scale cannot ask for an "other, namely" text\.$/, 'gridOther'],
  [/^Only one option can be "other"; (?<other>\S+) already is\.$/, 'otherTwice'],
  [/^The "don't know" value (?<value>\S+) lies within (?<min>\d+)–(?<max>\d+) /, 'dontKnowInRange'],
  [/^A "don't know" option cannot ask for an "other, namely" text\.$/, 'dontKnowOther'],
  [/^Section id "(?<id>[^"]+)" is already used by (?<other>\S+)\.$/, 'sectionIdTwice'],
  [/^max is (?<max>\S+), but the question has only (?<count>\d+) options\.$/, 'maxOptions'],
  [/^max is (?<max>\S+), but the question has only (?<count>\d+) items\.$/, 'maxItems'],
  [
    /^(?<value>\S+) is not a value of question "(?<question>[^"]+)" \(its values are (?<values>.+)\)\.$/,
    'screenOutValue',
  ],
  [/^Every answer ends the questionnaire: /, 'screenOutEverything'],
  [/^Concept key "(?<concept>[^"]+)" is already used by (?<other>.+); each concept /, 'conceptTwice'],
  [/^Question "(?<question>[^"]+)" is a (?:ranking|constant sum): routing on it is not supported/, 'routingOnItems'],
  [/^max \((?<max>[^)]+)\) is less than min \((?<min>[^)]+)\)\.$/, 'maxBelowMin'],
  [/^Unknown scale "(?<scale>[^"]*)": the scales are (?<known>.+)\.$/, 'unknownScale'],
  [/^Unknown scale "(?<scale>[^"]*)": the definition has no scales\.$/, 'unknownScaleNone'],
  [/^Item id "(?<id>[^"]+)" is already used by (?<other>\S+)\.$/, 'itemIdTwice'],
  [/^Item number "(?<number>[^"]+)" is already used by (?<other>\S+)\.$/, 'itemNumberTwice'],
  [/^Question id "(?<id>[^"]+)" is already used by (?<other>\S+)\.$/, 'questionIdTwice'],
  [/^Question number "(?<number>[^"]+)" is already used by question "(?<other>[^"]+)"\.$/, 'questionNumberTwice'],
  [/^This question's variable "(?<name>[^"]+)" is also a variable of question "(?<other>[^"]+)"/, 'variableTwice'],
  [/^Unknown question "(?<question>[^"]*)"\.$/, 'unknownQuestion'],
  [/^Question "(?<question>[^"]+)" is not in an earlier section: /, 'sectionRoutingLate'],
  [/^Question "(?<question>[^"]+)" does not come before question "(?<owner>[^"]+)": /, 'routingLate'],
  [/^Question "(?<question>[^"]+)" is a grid: /, 'routingGrid'],
  [/^Question "(?<question>[^"]+)" is an open text question: /, 'routingText'],
  [
    /^(?<value>\S+) is outside the range of question "(?<question>[^"]+)" \((?<min>\S+) to (?<max>\S+)\)\.$/,
    'routingRange',
  ],
  [
    /^(?<value>\S+) is not a value of question "(?<question>[^"]+)" \(its values are (?<values>.+)\)\.$/,
    'routingValue',
  ],
  [/^YAML syntax error: (?<detail>.*)$/, 'yamlSyntax'],
]

/** The catalogue key and values of a checker's message, or undefined for a form not known here. */
export function faultMessage(message: string): { key: FaultKey; params: Record<string, string> } | undefined {
  for (const [form, key] of FORMS) {
    const match = form.exec(message)
    if (match) return { key, params: { ...match.groups } }
  }
  return undefined
}
