/**
 * The real server (`npm start`'s program, src/server/main.ts) as a child process: for
 * tests that kill it and for `npm run bench`, and a respondent talking to it over HTTP.
 * Free of vitest, so bench/ can use it.
 */
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { csrfTokenOf } from './form.ts'
import { onFreePort } from '#test/setup/free-port.ts'

const SESSION_SECRET = 'server-process-secret-server-process-0123'

export interface ServerProcess {
  baseUrl: string
  /** For reading its memory from /proc. */
  pid: number
  output(): string
  /** Resolves with the exit code or signal. */
  exited: Promise<number | string>
  kill(signal: NodeJS.Signals): Promise<number | string>
}

/**
 * Starts `npm start`'s program (node, no npm wrapper, so a signal reaches the server
 * itself) on a free port and waits for its "running" line. Rejects with the output if it
 * stops first.
 */
export function startServerProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number /** e.g. --cpu-prof */; nodeArgs?: string[] } = {},
): Promise<ServerProcess> {
  return onFreePort((port) => startOnPort(port, env, options))
}

function startOnPort(
  port: number,
  env: Record<string, string>,
  { timeoutMs = 60_000, nodeArgs = [] }: { timeoutMs?: number; nodeArgs?: string[] },
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, 'src/server/main.ts'], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET,
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      ...env,
      // After env: the port is this helper's to choose.
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()))
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = () => {
      if (!output.includes('Peiling is running at')) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        output: () => output,
        exited,
        kill: (signal) => {
          child.kill(signal)
          return exited
        },
      })
    }
    child.stdout!.on('data', onData)
    void exited.then((how) => {
      clearTimeout(timer)
      reject(new Error(`server stopped (${how}) before it was running:\n${output}`))
    })
  })
}

/** A respondent's phone over real HTTP: keeps the session cookie and posts forms with the page's CSRF token. */
export class HttpRespondent {
  private cookies = new Map<string, string>()
  lastPage = ''
  baseUrl: string

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const eq = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim())
    }
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(pathname: string): Promise<Response> {
    const response = await fetch(this.baseUrl + pathname, {
      headers: { cookie: this.cookieHeader },
      redirect: 'manual',
    })
    this.remember(response)
    if (response.headers.get('content-type')?.startsWith('text/html')) this.lastPage = await response.clone().text()
    return response
  }

  /** GET, following redirects. */
  async visit(pathname: string): Promise<Response> {
    let response = await this.get(pathname)
    for (let i = 0; i < 5 && response.status >= 300 && response.status < 400; i++)
      response = await this.get(response.headers.get('location')!)
    return response
  }

  csrfToken(): string {
    return csrfTokenOf(this.lastPage)
  }

  async post(pathname: string, fields: Record<string, string | string[]>): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrfToken() })
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v)
    const response = await fetch(this.baseUrl + pathname, {
      method: 'POST',
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      redirect: 'manual',
    })
    this.remember(response)
    return response
  }
}
