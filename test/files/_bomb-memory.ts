/**
 * Run as its own process by zip-limits.test.ts: checks a 1,000 MB bomb that claims to be
 * small and prints how much the process grew (RSS, in MB) meanwhile. A process of its own,
 * because a test worker carries the memory of the files it ran before.
 */
import { checkZipLimits } from '#src/files/zip-limits.ts'
import { xlsxBomb } from '#test/server/services/fieldwork/_zip-bomb.ts'

const MB = 1024 * 1024
const bomb = xlsxBomb(1000)
const before = process.memoryUsage().rss
const result = await checkZipLimits(bomb, { maxUnpackedBytes: 64 * MB, maxEntries: 200 })
console.log(JSON.stringify({ result, packedMb: bomb.length / MB, growthMb: (process.memoryUsage().rss - before) / MB }))
