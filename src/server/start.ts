/**
 * What `npm start` does (through main.ts): opens the database (embedded unless
 * DATABASE_URL is set), migrates it, loads the shipped questionnaires and a demo round,
 * and serves the app.
 */
import closeWithGrace from 'close-with-grace'
import { loadConfig } from './config.ts'
import { openDatabase } from './db/open.ts'
import { DataDirInUseError } from './db/data-dir-lock.ts'
import { buildApp } from './app.ts'
import { installShippedQuestionnaires } from './services/rounds/questionnaire-library.ts'
import { createDemoRoundIfEmpty, listDemoCodes } from './services/rounds/demo-round.ts'
import { demoCodeLines } from './services/rounds/demo-output.ts'
import { runStartupTasks } from './jobs/startup-tasks.ts'
import { startFieldworkWorkers } from './jobs/fieldwork.ts'
import { startRetentionPurge } from './jobs/retention.ts'
import { startWatchdog } from './jobs/watchdog.ts'

async function main(): Promise<void> {
  const config = loadConfig()
  let database: Awaited<ReturnType<typeof openDatabase>>
  try {
    database = await openDatabase(config)
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(error.message)
      process.exit(1)
    }
    throw error
  }
  const questionnaireIds = await installShippedQuestionnaires(database.db)
  // First: the first administrator is only made while there is no staff account at all.
  const startupNotes = await runStartupTasks(database.db, config)
  const demo = config.demo ? await createDemoRoundIfEmpty(database.db, questionnaireIds) : undefined

  const app = await buildApp({ config, database })
  // Print files and the e-mail queue: work left by a restart or by another instance is picked up.
  const stopFieldworkWorkers = startFieldworkWorkers(database.db, config, app.log)
  const stopRetentionPurge = startRetentionPurge(database.db, config, app.log)
  const stopWatchdog = config.watchdogSeconds > 0 ? startWatchdog(config.watchdogSeconds) : () => undefined
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'stopping after an error')
    stopRetentionPurge()
    stopWatchdog()
    await stopFieldworkWorkers()
    await app.close()
    await database.close()
  })
  app.log.info({ node: process.version, database: database.kind }, 'starting Peiling')
  await app.listen({ port: config.port, host: config.host })

  const lines = [
    '',
    `Peiling is running at ${config.publicUrl}  (Node ${process.version}; database: ${database.kind === 'pglite' ? `embedded, in ${config.dataDir}` : 'PostgreSQL server'})`,
  ]
  // The codes at every start, not only the first: nobody should have to keep the first start's output to try the demo.
  const demoCodes = await listDemoCodes(database.db)
  if (demoCodes) lines.push('', ...(demo ? ['Demo round created.'] : []), ...demoCodeLines(config.publicUrl, demoCodes))
  if (demo && demo.staff.length > 0) {
    lines.push(
      '',
      'Demo staff accounts (passwords shown ONCE; each chooses its own at the first sign-in), to try the staff console and paper entry:',
    )
    for (const a of demo.staff)
      lines.push(`  ${config.publicUrl}/beheer   user: ${a.username}   password: ${a.password}   (${a.role})`)
  }
  lines.push(...startupNotes, '')
  console.log(lines.join('\n'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
