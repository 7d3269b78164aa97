import { describe, expect, it } from 'vitest'
import { toIsoDate } from '../dates/index.js'
import { noticeOfFile } from './notice.js'
import { packageNotices } from './packageNotices.js'
import { provisionalFile, ruleTexts, yearFiles } from './ruleFiles.testing.js'
import { validateCalendarProvisional } from './validateCalendarProvisional.js'
import { validateCalendarYear } from './validateCalendarYear.js'

describe('rules/calendar', () => {
  it.each(yearFiles.map((file) => [file.year, file] as const))('%i.yaml is consistent', (_year, file) => {
    expect(validateCalendarYear(file)).toEqual([])
  })

  it('every year file points its editor at the schema', () => {
    for (const text of Object.values(ruleTexts)) expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/calendar(-provisional)?\.schema\.json$/)
  })

  it.each(yearFiles.map((file) => [file.year, file] as const))('%i.yaml agrees with the chinese-days data day by day', (year, file) => {
    const ours = noticeOfFile(file)
    const theirs = packageNotices().find((notice) => notice.year === year)!
    const dates = (days: Iterable<number>) => [...days].map(toIsoDate).sort()
    expect(dates(ours.rest.keys())).toEqual(dates(theirs.rest.keys()))
    expect(dates(ours.makeup.keys())).toEqual(dates(theirs.makeup.keys()))
  })

  it('2026 transcribes the notice of 2025-11-04', () => {
    const file = yearFiles.find((f) => f.year === 2026)!
    expect(file.source).toMatchObject({ title: '国务院办公厅关于2026年部分节假日安排的通知', issuedOn: '2025-11-04' })
    expect(file.holidays.map((h) => [h.name, h.from, h.to ?? h.from])).toEqual([
      ['元旦', '2026-01-01', '2026-01-03'],
      ['春节', '2026-02-15', '2026-02-23'],
      ['清明节', '2026-04-04', '2026-04-06'],
      ['劳动节', '2026-05-01', '2026-05-05'],
      ['端午节', '2026-06-19', '2026-06-21'],
      ['中秋节', '2026-09-25', '2026-09-27'],
      ['国庆节', '2026-10-01', '2026-10-07'],
    ])
    expect(file.workdays.map((w) => w.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
  })

  it('provisional.yaml lists the 13 statutory holiday days of the 2024 revision', () => {
    expect(validateCalendarProvisional(provisionalFile)).toEqual([])
    expect(provisionalFile.basis).toMatchObject({ title: '全国年节及纪念日放假办法', effectiveFrom: '2025-01-01' })
    expect(provisionalFile.holidays).toEqual([
      { name: '元旦', from: '01-01' },
      { name: '春节', lunar: { month: 1, day: 1 }, offset: -1, days: 4 },
      { name: '清明节', solarTerm: '清明' },
      { name: '劳动节', from: '05-01', to: '05-02' },
      { name: '端午节', lunar: { month: 5, day: 5 } },
      { name: '中秋节', lunar: { month: 8, day: 15 } },
      { name: '国庆节', from: '10-01', to: '10-03' },
    ])
  })
})

describe('validateCalendarProvisional: movable holidays', () => {
  it('wants exactly one anchor, a lunar date or a solar term', () => {
    const holidays = [
      { name: '清明节', solarTerm: '清明' as const, lunar: { month: 3, day: 1 } },
      { name: '无锚', days: 2 },
      { name: '端午节', lunar: { month: 5, day: 5 } },
    ]
    const issues = validateCalendarProvisional({ ...provisionalFile, holidays })
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['invalid_value', ['holidays', 0]],
      ['invalid_value', ['holidays', 1]],
    ])
    expect(issues[0]!.message).toContain('清明节')
  })
})
