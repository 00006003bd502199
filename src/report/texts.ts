/**
 * The report is written in Dutch, for the council, whatever language staff read the site
 * in: its words come from the `report` catalogue (src/i18n/nl/report.ts).
 */
import { translator } from '#src/i18n/translate.ts'

export const reportText = translator('nl')
