/**
 * The flat facts the deadline rules name, derived from a tracked item: its own flat fields plus what its
 * nested outcome fields say (`acceptance`, `mediation`, `violationClue`, `jurisdictionDispute`,
 * `nextMeeting`). Each derived fact remembers the input field it came from, for messages.
 *
 * The older flat fields keep their meaning: a complaint with `acceptedOn` and no `acceptance` was
 * accepted that day; with no `mediation` either, both parties are taken to have consented and
 * `mediationEndedOn` is taken as a termination (as before); give `acceptance` and `mediation` to say more.
 */
import type { TrackedItem } from './trackedItems.js'

export interface ItemFacts {
  /** Field → value (dates as `YYYY-MM-DD`, flags, counts), `undefined` when not known. */
  values: Record<string, unknown>
  /** Field → the input path it came from (`acceptance.on`), for messages. */
  sources: Record<string, string>
}

/**
 * Derives the facts of one validated item.
 * @example
 * itemFacts({ type: 'complaint', id: 'C1', section: 'metrology', receivedOn: '2026-03-02',
 *   acceptance: { decision: 'not-accepted', on: '2026-03-05' } }).values.acceptedOn // → undefined
 */
export function itemFacts(item: TrackedItem): ItemFacts {
  const values: Record<string, unknown> = { ...item }
  const sources: Record<string, string> = {}
  const set = (field: string, value: unknown, source: string) => {
    values[field] = value
    sources[field] = source
  }
  for (const key of Object.keys(item)) sources[key] = key

  if (item.type === 'complaint') {
    const { acceptance, mediation } = item
    set('decisionOn', acceptance?.on ?? item.acceptedOn, acceptance ? 'acceptance.on' : 'acceptedOn')
    const acceptedOn = acceptance ? (acceptance.decision === 'accepted' ? acceptance.on : undefined) : item.acceptedOn
    set('acceptedOn', acceptedOn, acceptance ? 'acceptance.on' : 'acceptedOn')
    // 第十六条: mediation needs both parties' consent; without it there is no mediation clock.
    set('mediationStartOn', acceptedOn !== undefined && (mediation?.consented ?? true) ? acceptedOn : undefined, acceptance ? 'acceptance.on' : 'acceptedOn')
    set('mediationEndedOn', mediation ? mediation.endedOn : item.mediationEndedOn, mediation ? 'mediation.endedOn' : 'mediationEndedOn')
    // 第二十一条第二款: the notice follows a termination only, not an agreement.
    set('terminatedOn', mediation ? (mediation.outcome === 'terminated' ? mediation.endedOn : undefined) : item.mediationEndedOn, mediation ? 'mediation.endedOn' : 'mediationEndedOn')
    set('partiesNotifiedOn', mediation ? mediation.partiesNotifiedOn : item.partiesNotifiedOn, mediation ? 'mediation.partiesNotifiedOn' : 'partiesNotifiedOn')
    set('complainantNotifiedOn', acceptance?.notifiedOn, 'acceptance.notifiedOn')
    set('acceptanceDecidedOn', acceptance?.on, 'acceptance.on')
    set('clueFoundOn', item.violationClue?.foundOn, 'violationClue.foundOn')
    set('clueVerifiedOn', item.violationClue?.verifiedOn, 'violationClue.verifiedOn')
    set('clueExtensionApproved', item.violationClue?.extensionApproved, 'violationClue.extensionApproved')
  }
  if (item.type === 'complaint' || item.type === 'report') {
    set('disputeArisenOn', item.jurisdictionDispute?.arisenOn, 'jurisdictionDispute.arisenOn')
    set('disputeSettledOn', item.jurisdictionDispute?.settledOn, 'jurisdictionDispute.settledOn')
  }
  if (item.type === 'meeting-task') {
    set('nextMeetingOn', item.nextMeeting?.heldOn, 'nextMeeting.heldOn')
    set('reportedAtMeetingOn', item.nextMeeting?.reported ? item.nextMeeting.heldOn : undefined, 'nextMeeting.reported')
  }
  return { values, sources }
}
