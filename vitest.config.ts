/**
 * Test projects:
 * - unit + database tests on the embedded PostgreSQL (PGlite): always;
 * - the same database tests on a PostgreSQL server: where its programs are installed
 *   (`pg_config --bindir`) or PEILING_TEST_DATABASE_URL is set;
 * - browser tests in headless Chromium: where /usr/bin/chromium (or CHROMIUM_PATH) exists.
 * In CI (CI=true) a missing PostgreSQL server or Chromium fails the run instead of
 * skipping those tests.
 */
import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { SpreadSequencer } from './test/setup/spread-sequencer.ts'
import { findChromium, findPostgresBinaries, toolsAvailable } from './test/setup/environment.ts'

const postgres = Boolean(process.env.PEILING_TEST_DATABASE_URL) || findPostgresBinaries() !== undefined
const chromium = findChromium()

const missing: string[] = []
if (!postgres) missing.push('PostgreSQL server programs (apt-get install postgresql)')
if (!chromium) missing.push('Chromium (apt-get install chromium)')
toolsAvailable(missing, 'Those tests are')

// The tests of what is stored, and how, run on both engines: the database layer, the
// services (every write goes through one), the jobs and their locks, faults and attacks
// (two instances, restarts, races), the command line, and the routes where respondents
// and typists save answers. The staff screens' route tests (rendering, access, forms)
// and the scan routes, which read images, run on the embedded database only: what they
// store they store through those services, and on the server they took a tenth of the
// suite's time (about 170 of 1,900 test seconds) for no query of their own.
const databaseTests = [
  'test/server/db/**/*.test.ts',
  'test/server/services/**/*.test.ts',
  'test/server/jobs/**/*.test.ts',
  'test/server/faults/**/*.test.ts',
  'test/server/routes/vragenlijst/**/*.test.ts',
  'test/server/routes/invoer/*.test.ts',
  'test/cli/**/*.test.ts',
]

export default defineConfig({
  test: {
    // Autoload imports the route files; inlined, vitest transforms those TypeScript imports.
    server: { deps: { inline: ['@fastify/autoload'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default (cores - 1) runs one file at a time on a 2-core machine, but most
    // files here wait on a PostgreSQL server, a child process or Chromium, not the CPU.
    maxWorkers: Math.max(3, availableParallelism()),
    // A worker keeps the modules it has loaded from one test file to the next: importing
    // the app afresh for each file took a third of the suite's CPU time (338 of 1,665 s).
    // Each file still starts its own database and server; the browser tests stay isolated.
    isolate: false,
    sequence: { sequencer: SpreadSequencer },
    projects: [
      {
        extends: true as const,
        test: {
          name: 'pglite',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          globalSetup: ['test/setup/pglite-template.ts'],
          env: { PEILING_TEST_DB: 'pglite' },
        },
      },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: databaseTests,
                globalSetup: ['test/setup/postgres-server.ts'],
                env: { PEILING_TEST_DB: 'postgres' },
              },
            },
          ]
        : []),
      ...(chromium
        ? [
            {
              extends: true as const,
              test: {
                name: 'browser',
                include: ['test/browser/**/*.test.ts'],
                globalSetup: ['test/setup/pglite-template.ts'],
                env: { PEILING_TEST_DB: 'pglite', CHROMIUM_PATH: chromium },
                isolate: true,
                // They run beside the database tests, on a machine with 2 cores: slower than alone.
                testTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
})
