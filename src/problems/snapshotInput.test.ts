/**
 * `snapshotInput` keeps its path as a stack (no copied path per field): the path a failure names is
 * still exactly where it happened, shared references stay shared, and every getter and trap runs once.
 */
import { describe, expect, it } from 'vitest'
import { snapshotInput } from './snapshotInput.js'
import { XiaobaoError } from './XiaobaoError.js'

function failure(value: unknown): { code: string; path: unknown; messageEn: string } {
  try {
    snapshotInput(value, 'input')
  } catch (error) {
    expect(error).toBeInstanceOf(XiaobaoError)
    const issue = (error as XiaobaoError).issues[0]!
    return { code: issue.code, path: issue.path, messageEn: issue.messageEn }
  }
  throw new Error('no failure')
}

describe('snapshotInput paths and sharing', () => {
  it('names the field whose getter throws, deep inside lists and objects', () => {
    const inner = {}
    Object.defineProperty(inner, 'b', { enumerable: true, get: () => { throw new Error('boom') } })
    expect(failure({ ok: [1, 2], a: [{ x: 1 }, inner] })).toEqual({ code: 'invalid_input', path: ['a', 1, 'b'], messageEn: 'reading input.a.1.b failed: boom' })
  })

  it('a list element that cannot be read is the list’s failure', () => {
    const list = new Proxy([1, 2], { get: (t, k) => { if (k === '1') throw new Error('trap'); return Reflect.get(t, k) } })
    expect(failure({ a: { list } })).toEqual({ code: 'invalid_input', path: ['a', 'list'], messageEn: 'input.a.list cannot be read: trap' })
  })

  it('siblings after a finished branch get their own path; cycles and depth are named where they are', () => {
    const cyclic: Record<string, unknown> = { n: 1 }
    cyclic.self = { back: cyclic }
    expect(failure({ first: { deep: [1] }, second: cyclic })).toMatchObject({ path: ['second', 'self', 'back'] })
    let deep: unknown = 1
    for (let i = 0; i < 70; i++) deep = { d: deep }
    expect(failure({ x: [0], deep })).toMatchObject({ code: 'input_too_large', path: ['deep', ...Array(63).fill('d')] })
    expect(failure({ a: [1, { b: Symbol('s') }] })).toMatchObject({ path: ['a', 1, 'b'] })
  })

  it('copies plain data; a shared object stays shared; __proto__ stays an own field', () => {
    const shared = { k: 'v' }
    const copy = snapshotInput({ a: shared, b: [shared], c: JSON.parse('{"__proto__": {"x": 1}}') as object }) as Record<string, unknown>
    expect(copy.a).toEqual({ k: 'v' })
    expect(copy.a).not.toBe(shared)
    expect((copy.b as unknown[])[0]).toBe(copy.a)
    expect(Object.keys(copy.c as object)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(copy.c)).toBe(Object.prototype)
  })

  it('runs each getter once', () => {
    let reads = 0
    const value = {}
    Object.defineProperty(value, 'g', { enumerable: true, get: () => ++reads })
    expect(snapshotInput({ a: value, b: value })).toEqual({ a: { g: 1 }, b: { g: 1 } })
    expect(reads).toBe(1)
  })
})
