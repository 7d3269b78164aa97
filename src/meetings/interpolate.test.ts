import { describe, expect, test } from 'vitest'
import { interpolate, unknownPlaceholders } from './interpolate.js'
import { recordPathProblem } from './recordPaths.js'

describe('message placeholders', () => {
  const facts = { attendeeCount: 9, memberAttendanceRatio: 9 / 19, materialsLeadDays: null, params: { minAttendanceRatio: 0.5 } }

  test('facts, parameters and positions are filled in; numbers to two places', () => {
    expect(interpolate('{attendeeCount} 个，{memberAttendanceRatio} < {params.minAttendanceRatio}；材料 {materialsLeadDays} 天；第 {n} 项', facts, 2)).toBe('9 个，0.47 < 0.5；材料 — 天；第 3 项')
    expect(interpolate('{n} {unknown} {params.x}', facts)).toBe('{n} {unknown} —')
  })

  test('unknown names are found at load', () => {
    expect(unknownPlaceholders('{attendeeCount} {params.minAttendanceRatio}', ['minAttendanceRatio'], false)).toEqual([])
    expect(unknownPlaceholders('{attendance} {params.quorum} {n} {params} {meeting.id}', ['minAttendanceRatio'], false)).toEqual(['attendance', 'params.quorum', 'n', 'params', 'meeting.id'])
    expect(unknownPlaceholders('{n}', [], true)).toEqual([])
  })
})

describe('record paths', () => {
  test.each([[['meeting', 'chairedBy']], [['meeting', 'chairedBy', 'section']], [['decision', 'assignments', '*', 'dueOn']], [['summary']], [['deliberation', 'materialsCirculatedOn']]])('%j is a field', (path) => {
    expect(recordPathProblem(path)).toBeUndefined()
  })

  test('a wrong step says where and what is allowed', () => {
    expect(recordPathProblem(['meeting', 'chair'])).toMatchObject({ at: 1, allowed: expect.arrayContaining(['chairedBy', 'convenedBy']) })
    expect(recordPathProblem(['decision', 'assignments', '0'])).toEqual({ at: 2, allowed: ['*'] })
    expect(recordPathProblem(['meeting', 'id', 'x'])).toEqual({ at: 2, allowed: [] })
  })
})
