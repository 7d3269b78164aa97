/**
 * The report's labels for the input's fixed values (a message catalog, not rules: legal staff change
 * articles and settings in rules/report.yaml; these names come with the input format).
 */
export const KIND_LABELS = { complaint: '投诉', report: '举报', inquiry: '咨询' } as const

export const CHANNEL_LABELS = {
  '12315-platform': '全国12315平台',
  '12315-hotline': '12315热线',
  letter: '来信',
  visit: '来访',
  referral: '转办',
} as const

/** 分流情况: accepted and routed to a section, not accepted, or sent to the authority that handles it. */
export const DISPOSITION_LABELS = { route: '受理分办', reject: '不予受理', transfer: '移送有管辖权的部门' } as const

export const NO_SECTION = { id: 'none', name: '无主办股室' } as const

/** `2026-03` → `2026年3月`. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
}
