/**
 * The outcome fields of a tracked item that cannot go together: an old flat field and its nested
 * successor saying different things, a mediation without consent that ended, a notice after an
 * agreement, a suspension that ends before it starts. Each problem names the item and the field.
 */
import type { Issue } from '../problems/issue.js'
import type { TrackedItem } from './trackedItems.js'

type Problem = [path: (string | number)[], message: string, messageEn: string]

function complaintProblems(item: Extract<TrackedItem, { type: 'complaint' }>): Problem[] {
  const out: Problem[] = []
  const { acceptance, mediation } = item
  if (acceptance && item.acceptedOn !== undefined && (acceptance.decision !== 'accepted' || acceptance.on !== item.acceptedOn)) {
    out.push([['acceptedOn'], `acceptedOn（${item.acceptedOn}）与 acceptance（${acceptance.decision}，${acceptance.on}）不一致；写了 acceptance 就不必写 acceptedOn。`, `acceptedOn (${item.acceptedOn}) disagrees with acceptance (${acceptance.decision}, ${acceptance.on}); with acceptance, leave acceptedOn out.`])
  }
  if (mediation) {
    for (const legacy of ['mediationEndedOn', 'partiesNotifiedOn'] as const) {
      if (item[legacy] !== undefined) out.push([[legacy], `${legacy} 与 mediation 同时填写；请只用 mediation（endedOn、outcome、partiesNotifiedOn）。`, `${legacy} is given beside mediation; use mediation (endedOn, outcome, partiesNotifiedOn) only.`])
    }
    const refused = acceptance?.decision === 'not-accepted'
    if (mediation.consented && refused) {
      out.push([['mediation', 'consented'], '不予受理的投诉没有调解（第十六条：经双方同意，采用调解的方式处理投诉，以受理为前提）。', 'a complaint not accepted is not mediated (第十六条 mediation handles an accepted complaint).'])
    }
    if (!mediation.consented) {
      for (const key of ['endedOn', 'outcome', 'terminationGround', 'partiesNotifiedOn'] as const) {
        if (mediation[key] !== undefined) out.push([['mediation', key], `当事人未同意调解（consented: false），就没有调解，不能写 ${key}（第十六条）。`, `without both parties' consent (consented: false) there is no mediation, so no ${key} (第十六条).`])
      }
    }
    if ((mediation.endedOn === undefined) !== (mediation.outcome === undefined)) {
      out.push([['mediation', mediation.endedOn === undefined ? 'endedOn' : 'outcome'], '调解结束须同时写 endedOn（结束之日）和 outcome（agreement 达成协议或 terminated 终止调解）。', 'a mediation that ended needs both endedOn and outcome (agreement or terminated).'])
    }
    if (mediation.terminationGround !== undefined && mediation.outcome !== 'terminated') {
      out.push([['mediation', 'terminationGround'], 'terminationGround（第二十一条第一款的情形）只用于终止调解（outcome: terminated）。', 'terminationGround (第二十一条第一款) goes with outcome: terminated only.'])
    }
    if (mediation.partiesNotifiedOn !== undefined && mediation.outcome !== 'terminated') {
      out.push([['mediation', 'partiesNotifiedOn'], '第二十一条第二款的告知只在终止调解之后（outcome: terminated）；达成协议不适用。', 'the 第二十一条第二款 notice follows a termination (outcome: terminated) only, not an agreement.'])
    }
  }
  return out
}

function suspensionProblems(item: TrackedItem): Problem[] {
  if (item.type === 'meeting-task' || !item.suspensions) return []
  const out: Problem[] = []
  item.suspensions.forEach((period, i) => {
    if (period.to < period.from) out.push([['suspensions', i, 'to'], `期间的结束日 ${period.to} 早于开始日 ${period.from}。`, `the period ends on ${period.to}, before it starts on ${period.from}.`])
    if (period.from <= item.receivedOn) out.push([['suspensions', i, 'from'], `期间的开始日 ${period.from} 不晚于收到之日 ${item.receivedOn}；期限自收到次日起算，之前不会中止。`, `the period starts on ${period.from}, not after the item was received (${item.receivedOn}); nothing is suspended before the clock starts.`])
    if (item.type === 'report' && period.reason === 'recusal') {
      out.push([['suspensions', i, 'reason'], '举报核查期限没有因申请回避而中止的规定；第十九条的中止调解只适用于投诉的调解。举报只能写 reason: testing（《处罚程序规定》第十八条第二款）。', 'no article suspends the verification of a report for a recusal request (第十九条 suspends the mediation of a complaint); a report takes reason: testing only (《处罚程序规定》第十八条第二款).'])
    }
  })
  return out
}

/** The outcome problems of one schema-valid item, as `invalid_input` issues whose path starts at `index`. */
export function outcomeIssues(item: TrackedItem, index: number): Issue[] {
  const problems = [...(item.type === 'complaint' ? complaintProblems(item) : []), ...suspensionProblems(item)]
  return problems.map(([path, message, messageEn]) => ({
    code: 'invalid_input',
    severity: 'error',
    path: [index, ...path],
    message: `items[${index}].${path.join('.')}：${message}`,
    messageEn: `items[${index}].${path.join('.')}: ${messageEn}`,
  }))
}
