/**
 * The benchmark's baseline: bare Fastify + pg doing one insert per request, with the
 * same form body, the same pool size as the app and the same 303 answer. Started by
 * answer-saves.ts as a child process: `DATABASE_URL=… PORT=… node bench/baseline-server.ts`.
 */
import Fastify from 'fastify'
import formbody from '@fastify/formbody'
import pg from 'pg'

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
await pool.query(
  'create table if not exists baseline_saves (id bigserial primary key, participant int not null, answers jsonb not null)',
)
await pool.query('create table if not exists baseline_participants (id int primary key, completed boolean not null)')
await pool.query(
  'insert into baseline_participants select g, false from generate_series(1, 100000) g on conflict do nothing',
)

const app = Fastify({ logger: false })
await app.register(formbody)
// BASELINE_READS=n adds n one-row reads before the insert: for trying out what one more round trip costs.
const reads = Number(process.env.BASELINE_READS ?? 0)
app.post<{ Body: Record<string, string> }>('/save', async (request, reply) => {
  const { participant, _csrf, action, ...answers } = request.body
  for (let i = 0; i < reads; i++)
    await pool.query('select id, participant from baseline_saves where id = $1', [Number(participant)])
  await pool.query('insert into baseline_saves (participant, answers) values ($1, $2)', [
    Number(participant),
    JSON.stringify(answers),
  ])
  return reply.redirect('/next', 303)
})
// A submission at its barest: one transaction that completes the participant and stores the answers.
app.post<{ Body: Record<string, string> }>('/submit', async (request, reply) => {
  const { participant, _csrf, ...answers } = request.body
  const client = await pool.connect()
  try {
    await client.query('begin')
    await client.query('update baseline_participants set completed = true where id = $1', [Number(participant)])
    await client.query('insert into baseline_saves (participant, answers) values ($1, $2)', [
      Number(participant),
      JSON.stringify(answers),
    ])
    await client.query('commit')
  } finally {
    client.release()
  }
  return reply.redirect('/thanks', 303)
})
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' })
console.log('baseline listening')
// A clean exit on SIGINT, so that --cpu-prof (BENCH_CPU_PROFILE) can write its profile.
process.on('SIGINT', () => process.exit(0))
