/**
 * A small app that embeds xiaobao: an intake screen's back end that routes a complaint and prints what a
 * clerk needs — who leads, who assists, why, and the articles to cite.
 * Run it in this repository with `npx tsx examples/app.ts`: it imports the package by name, like an app would,
 * and tsconfig.json maps `xiaobao` to src/ here. A test runs it.
 */
import { createEngine, formatCitation, XiaobaoError, type RoutingDecision } from 'xiaobao'

const engine = createEngine()

function describe(decision: RoutingDecision): string {
  const lines = [`登记：${decision.intake.name}`]
  if (decision.disposition === 'route') {
    lines.push(`主办：${decision.lead?.name}`)
    if (decision.assist.length) lines.push(`协办：${decision.assist.map((s) => s.name).join('、')}`)
  } else if (decision.transfer) lines.push(`移送：${decision.transfer.to}（${decision.transfer.reason}）`)
  else if (decision.rejection) lines.push(`不予受理：${decision.rejection.reason}`)
  lines.push(`依据：${decision.basis.map(formatCitation).join('；')}`)
  for (const hit of decision.trace) {
    const words = hit.keywords.flatMap((k) => k.keywords)
    lines.push(`  · ${hit.rule}（${hit.effect}）${words.length ? `关键词：${words.join('、')}` : ''}`)
  }
  for (const warning of decision.warnings) lines.push(`提示：${warning.message}`)
  return lines.join('\n')
}

for (const text of ['在县城某超市买的牛奶过期了，要求退款。', '饭店的电子秤缺斤少两。']) {
  const decision = await engine.routeComplaint({ kind: 'complaint', receivedOn: '2026-03-02', text, respondent: { county: 'XX县' } })
  console.log(`\n${text}\n${describe(decision)}`)
}

try {
  await engine.routeComplaint({ kind: 'complaint', receivedOn: '2026-02-30', text: '日期写错了' })
} catch (error) {
  if (error instanceof XiaobaoError) console.log(`\n错误 ${error.code}：${error.issues[0].message}`)
  else throw error
}
