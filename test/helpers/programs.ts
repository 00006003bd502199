/** Runs the system programs some tests read their results back with (pdftoppm, zbarimg, pspp, …). */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { onPath } from '#test/setup/environment.ts'

const execFileAsync = promisify(execFile)

/**
 * Runs `program` with `args`. A test that gets here on a machine without the program did not
 * ask programsAvailable first: it fails saying so, instead of with spawn's ENOENT.
 */
export async function runProgram(
  program: string,
  args: readonly string[],
  options: { cwd?: string } = {},
): Promise<{ stdout: string; stderr: string }> {
  if (!onPath(program)) {
    throw new Error(
      `${program} is not installed, and this test runs it without asking first: ` +
        'skip it with it.skipIf(!programsAvailable(…)) from test/setup/environment.ts',
    )
  }
  return execFileAsync(program, args, { encoding: 'utf8', ...options })
}
