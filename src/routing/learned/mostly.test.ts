import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { mostly } from './mostly.js'

describe('mostly: a majority is 「多」, a plurality below 0.5 is 「最常」', () => {
  test('the boundary', () => {
    expect(mostly(0.5)).toEqual({ zh: '多', en: 'mostly' })
    expect(mostly(0.49)).toEqual({ zh: '最常', en: 'most often' })
    expect(mostly(1)).toEqual({ zh: '多', en: 'mostly' })
  })
  test('property: 「多」 exactly from 0.5 up', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        expect(mostly(p).zh === '多').toBe(p >= 0.5)
      }),
    )
  })
})
