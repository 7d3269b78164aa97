import { beforeAll, describe, expect, test } from 'vitest'
import { baseFiles } from '../../../test/fixtures.js'
import { createEngine, type Engine } from '../../engine/createEngine.js'
import { XiaobaoError } from '../../problems/XiaobaoError.js'
import { parseRuleSetOrThrow } from '../../capabilities.js'
import { isRouteError, type RouteManyResult } from './routeMany.js'

let compiled: Engine
let reference: Engine
beforeAll(async () => {
  const rules = parseRuleSetOrThrow(await baseFiles())
  compiled = createEngine({ rules })
  reference = createEngine({ rules, evaluator: 'reference' })
})

const ok = (id: string, text = '菜市场缺斤少两') => ({ id, kind: 'complaint' as const, receivedOn: '2026-03-02', text })
const items = () => [ok('a'), { id: 'b', kind: 'complaint', receivedOn: '2026-02-30', text: 'x' }, null, ok('d', '请问怎么维权'), { kind: 'nope' }, ok('f')]

async function collect(results: AsyncIterable<RouteManyResult>) {
  const out: RouteManyResult[] = []
  for await (const r of results) out.push(r)
  return out
}

describe('engine.routeMany', () => {
  test('yields one result per item, in order, errors as records', async () => {
    const out = await collect(compiled.routeMany(items()))
    expect(out).toHaveLength(6)
    expect(out.map((r) => (isRouteError(r) ? `error ${r.index} ${r.id ?? '-'} ${r.error.code}` : `ok ${r.id}`))).toEqual([
      'ok a',
      'error 1 b invalid_input',
      'error 2 - invalid_input',
      'ok d',
      'error 4 - invalid_input',
      'ok f',
    ])
    const record = out[1]
    expect(isRouteError(record!) && record.error.issues[0]?.path).toEqual(['receivedOn'])
    expect(isRouteError(record!) && record.error.messageEn).toContain('receivedOn')
  })

  test('takes async iterables, and gives the reference evaluator the same results', async () => {
    async function* slowly() {
      for (const item of items()) {
        await new Promise((resolve) => setTimeout(resolve, 1))
        yield item
      }
    }
    const a = await collect(compiled.routeMany(slowly(), { explain: true }))
    const b = await collect(reference.routeMany(items(), { explain: true }))
    expect(a).toEqual(b)
  })

  test('pulls one item at a time (constant memory)', async () => {
    let pulled = 0
    function* endless() {
      for (let i = 0; ; i++) {
        pulled++
        yield ok(`n${i}`)
      }
    }
    let seen = 0
    for await (const r of compiled.routeMany(endless())) {
      expect(isRouteError(r)).toBe(false)
      if (++seen === 100) break
    }
    expect(pulled).toBe(100)
  })

  test('refuses a non-iterable or a string up front with XiaobaoError; the source’s own errors propagate as one', async () => {
    expect(() => compiled.routeMany(42 as never)).toThrow(XiaobaoError)
    expect(() => compiled.routeMany('abc' as never)).toThrow(XiaobaoError)
    function* failing() {
      yield ok('a')
      throw new Error('disk gone')
    }
    await expect(collect(compiled.routeMany(failing()))).rejects.toThrow('disk gone')
    await expect(collect(compiled.routeMany(failing()))).rejects.toBeInstanceOf(XiaobaoError)
  })
})

describe('engine.routeComplaintSync', () => {
  test('synchronous, and the same decision as routeComplaint on either evaluator', async () => {
    const decision = compiled.routeComplaintSync(ok('s'))
    expect(decision.lead?.id).toBe('metrology')
    expect(decision).toEqual(await reference.routeComplaint(ok('s')))
    expect(reference.routeComplaintSync(ok('s'))).toEqual(decision)
  })

  test('throws XiaobaoError for bad input', () => {
    expect(() => compiled.routeComplaintSync({ kind: 'complaint' } as never)).toThrow(XiaobaoError)
  })
})
