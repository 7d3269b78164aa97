import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isRealDate, toIsoDate, toDayNumber } from '../dates/index.js'
import { earliestTextDate, yearsSinceTextDate } from './textDates.js'

const on = '2025-05-06'

describe('earliestTextDate: the dates a text gives, each read at its latest possible day', () => {
  test.each([
    ['2004年在这家店买的热水器', '2004-12-31'],
    ['2022年5月买的', '2022-05-31'],
    ['2024年2月买的', '2024-02-29'],
    ['2019年3月15日买的，2021年又坏了', '2019-03-15'],
    ['2019年3月15号买的', '2019-03-15'],
    ['2019.3.15买的', '2019-03-15'],
    ['2019-03-15 买的', '2019-03-15'],
    ['2019/3 买的', '2019-03-31'],
    ['二〇一九年买的', '2019-12-31'],
    ['二零零四年买的', '2004-12-31'],
    ['2019年2月30日买的', '2019-02-28'],
    ['2019年13月买的', '2019-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(earliestTextDate(text, on)).toBe(expected)
  })

  test.each([
    ['上周买的热水器'],
    ['19年买的热水器'], // two-digit years are as often a count of years
    ['订单号 20041203556781，上周买的'],
    ['花了2024.5元'],
    ['花了2019.5 块'],
    ['2026年才到期的卡'], // after the day it was received
    ['1900年的老字号'], // before 1950
    [''],
  ])('no date in %j', (text) => {
    expect(earliestTextDate(text, on)).toBeUndefined()
    expect(yearsSinceTextDate(text, on)).toBe(0)
  })

  test('never throws, and any date it gives is real, on or before receipt, from 1950', () => {
    const digitsAndMarks = fc.constantFrom(...'0123456789年月日号.-/ 二〇零一九元块买的'.split(''))
    const texts = fc.oneof(fc.string(), fc.string({ unit: digitsAndMarks, maxLength: 40 }))
    const days = fc.integer({ min: toDayNumber('1990-01-01'), max: toDayNumber('2040-12-31') }).map(toIsoDate)
    fc.assert(
      fc.property(texts, days, (text, received) => {
        const date = earliestTextDate(text, received)
        if (date === undefined) return true
        return isRealDate(date) && date <= received && date >= '1950-01-01'
      }),
      { numRuns: 2000 },
    )
  })
})

describe('yearsSinceTextDate: years from the text\'s earliest date (exact: src/dates/years.ts)', () => {
  test('the fact for a text: three years and some days → more than 3', () => {
    expect(yearsSinceTextDate('2004年买的', on)).toBeGreaterThan(20)
    expect(yearsSinceTextDate('2022年买的', on)).toBeLessThan(3)
    expect(yearsSinceTextDate('2022年5月5日买的', on)).toBeGreaterThan(3)
  })
})
