/**
 * Work that runs after the request that asked for it has been answered: making print
 * files and sending e-mails. One run per kind of work per database at a time in this
 * process; a request that asks while a run is busy makes it look again when done, so
 * nothing waits for the next poll. The work itself lives in the database (queued rows),
 * so another app instance, or this one after a restart, finishes what is left.
 */
type Run = { promise: Promise<void>; again: boolean }

const runs = new WeakMap<object, Map<string, Run>>()

export function runInBackground(
  owner: object,
  name: string,
  work: () => Promise<unknown>,
  onError: (error: unknown) => void,
): void {
  let perOwner = runs.get(owner)
  if (!perOwner) runs.set(owner, (perOwner = new Map()))
  const busy = perOwner.get(name)
  if (busy) {
    busy.again = true
    return
  }
  const run: Run = { again: false, promise: Promise.resolve() }
  run.promise = (async () => {
    do {
      run.again = false
      try {
        await work()
      } catch (error) {
        onError(error)
      }
    } while (run.again)
    perOwner.delete(name)
  })()
  perOwner.set(name, run)
}

/** Resolves when no background work of this owner is running (tests, shutdown). */
export async function backgroundIdle(owner: object): Promise<void> {
  for (;;) {
    const perOwner = runs.get(owner)
    const busy = perOwner ? [...perOwner.values()] : []
    if (busy.length === 0) return
    await Promise.all(busy.map((r) => r.promise))
  }
}
