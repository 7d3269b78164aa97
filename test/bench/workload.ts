/**
 * A deterministic workload for benchmarks and differential tests: complaints built from the rule set's
 * own vocabularies mixed with plain text, across kinds, channels and respondents.
 */
import type { ComplaintInput } from '../../src/routing/complaintInput.js'
import type { RuleSet } from '../../src/capabilities.js'

/** Small, seedable PRNG (mulberry32), so every run routes the same complaints. */
export function prng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FILLER = ['我在', '县城', '购买的', '商家', '不给退款', '要求处理', '请尽快', '昨天', '消费者', '投诉', '非常不满意', '问题', '质量', '服务']
const KINDS = ['complaint', 'complaint', 'complaint', 'report', 'inquiry'] as const
const CHANNELS = ['12315-platform', '12315-hotline', 'letter', 'visit', 'referral'] as const

export function workload(ruleSet: RuleSet, count: number, seed = 42): ComplaintInput[] {
  return [...complaints(ruleSet, count, seed)]
}

/** The same complaints one at a time, for inputs too large to hold (the 1,000,000-line NDJSON file). */
export function* complaints(ruleSet: RuleSet, count: number, seed = 42): Generator<ComplaintInput, void, undefined> {
  const random = prng(seed)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const keywords = Object.values(ruleSet.vocabularies).flatMap((v) => v.keywords)
  for (let i = 0; i < count; i++) {
    const parts: string[] = []
    const n = 2 + Math.floor(random() * 6)
    for (let j = 0; j < n; j++) parts.push(random() < 0.45 ? pick(keywords) : pick(FILLER))
    const county = random() < 0.9 ? ruleSet.bureau.county : '邻县'
    yield {
      id: `B-${i}`,
      kind: pick(KINDS),
      channel: pick(CHANNELS),
      receivedOn: `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      text: parts.join('，'),
      respondent: { county, online: random() < 0.2 },
      ...(random() < 0.05 ? { severity: 'major' as const } : {}),
      ...(random() < 0.03 ? { forLivingConsumption: false } : {}),
    }
  }
}
