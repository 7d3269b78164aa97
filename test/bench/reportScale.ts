/**
 * One measurement for `npm run bench`, in its own process so its peak memory is its own: summarise N
 * generated records (a year of a large county; a generator, never an array) on one thread, and print
 * `{ records, seconds, cpuSeconds, rssMb, errors, inPeriod }` as JSON. Usage: tsx reportScale.ts N [internal|public]
 */
import { performance } from 'node:perf_hooks'
import { createEngine } from '../../src/engine/createEngine.js'
import { generateRecords } from './records.js'

const count = Number(process.argv[2] ?? 500_000)
const audience = (process.argv[3] ?? 'internal') as 'internal' | 'public'
const engine = createEngine()
// Warm up the compiled router and the calendar on a small set first.
await engine.summarizeRecords(generateRecords(2000, { from: '2025-01-01', to: '2026-06-30', seed: 1 }), { from: '2026-01-01', to: '2026-06-30' })
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const summary = await engine.summarizeRecords(generateRecords(count, { from: '2025-07-01', to: '2026-06-30', seed: 2026 }), {
  from: '2026-01-01',
  to: '2026-06-30',
  compareWith: { from: '2025-07-01', to: '2025-12-31' },
  audience,
})
const seconds = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
console.log(
  JSON.stringify({
    records: count,
    audience,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssMb: process.resourceUsage().maxRSS / 1024,
    errors: summary.totals.errors,
    inPeriod: summary.totals.inPeriod.count,
  }),
)
