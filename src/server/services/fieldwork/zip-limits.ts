/** Moved to src/files/zip-limits.ts so that src/questionnaire can check uploads without reaching into the server. */
export * from '#src/files/zip-limits.ts'
