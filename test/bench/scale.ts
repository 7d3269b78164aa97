/**
 * Bigger rule sets for the scaling benchmark: the shipped rules cloned `factor - 1` times, each clone
 * with new rule ids and its own perturbed copy of every vocabulary (about 70% of the keywords kept, a
 * third as many new ones made by changing a character), so the matcher and the rule count both grow
 * with the factor while the workload still fires the clones.
 */
import type { ConditionNode } from '../../src/ruleset/schemas.js'
import type { RuleSet } from '../../src/capabilities.js'
import type { VocabularyRecord } from '../../src/ruleset/types.js'
import { prng } from './workload.js'

const CJK = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞'

export function scaleRuleSet(ruleSet: RuleSet, factor: number, seed = 7): RuleSet {
  if (factor <= 1) return ruleSet
  const random = prng(seed)
  const perturb = (keywords: readonly string[]): string[] => {
    const kept = keywords.filter(() => random() < 0.7)
    const fresh = Array.from({ length: Math.max(1, Math.round(keywords.length / 3)) }, () => {
      const base = keywords[Math.floor(random() * keywords.length)]!
      const at = Math.floor(random() * base.length)
      return base.slice(0, at) + CJK[Math.floor(random() * CJK.length)] + base.slice(at + 1)
    })
    const out = [...new Set([...kept, ...fresh])]
    return out.length > 0 ? out : [keywords[0]!]
  }
  const vocabularies: Record<string, VocabularyRecord> = { ...ruleSet.vocabularies }
  const intakeRules = [...ruleSet.intakeRules]
  const screeningRules = [...ruleSet.screeningRules]
  const routingRules = [...ruleSet.routingRules]
  for (let k = 1; k < factor; k++) {
    const rename = (name: string) => `${name}·${k}`
    for (const vocabulary of Object.values(ruleSet.vocabularies)) {
      vocabularies[rename(vocabulary.name)] = { ...vocabulary, name: rename(vocabulary.name), keywords: perturb(vocabulary.keywords) }
    }
    const cloneCondition = (node: ConditionNode): ConditionNode => {
      if ('all' in node) return { all: node.all.map(cloneCondition) }
      if ('any' in node) return { any: node.any.map(cloneCondition) }
      if ('not' in node) return { not: cloneCondition(node.not) }
      if (node.operator !== 'containsAny' && node.operator !== 'notContainsAny') return { ...node }
      const value = typeof node.value === 'string' ? rename(node.value) : Array.isArray(node.value) ? perturb(node.value as string[]) : node.value
      return { ...node, value }
    }
    const clone = <R extends { id: string; when: ConditionNode }>(rule: R): R => ({ ...rule, id: `${rule.id}.x${k}`, when: cloneCondition(rule.when) })
    intakeRules.push(...ruleSet.intakeRules.map(clone))
    screeningRules.push(...ruleSet.screeningRules.map(clone))
    routingRules.push(...ruleSet.routingRules.map(clone))
  }
  return { ...ruleSet, vocabularies, intakeRules, screeningRules, routingRules }
}
