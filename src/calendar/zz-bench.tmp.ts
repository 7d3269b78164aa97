import { isoDate } from '../ruleset/schemas.js'
import { createCalendar } from './createCalendar.js'
import { z } from 'zod'
const cal = createCalendar({})
const t = (name: string, f: () => void, runs = 100000) => { for (let i=0;i<1000;i++) f(); const s = performance.now(); for (let i = 0; i < runs; i++) f(); console.log(name, ((performance.now() - s) * 1000 / runs).toFixed(2), 'µs') }
t('isoDate', () => isoDate.safeParse('2026-09-10'))
t('int', () => z.number().int().safeParse(45))
const opts = z.strictObject({ provisional: z.boolean().optional() }).optional()
t('opts undefined', () => opts.safeParse(undefined))
t('add45', () => cal.addWorkingDays('2026-09-10', 45))
t('add45 opts', () => cal.addWorkingDays('2026-09-10', 45, { provisional: true }))
t('between', () => cal.workingDaysBetween('2026-09-10', '2026-11-20'))
t('isWorking', () => cal.isWorkingDay('2026-09-10'))
