/**
 * Chinese (and English) words for the values a decision carries, for people to read.
 */
export const DISPOSITION: Record<string, string> = {
  route: '分办 / route',
  transfer: '移送 / transfer',
  reject: '不予受理 / reject',
}

export const EFFECT: Record<string, string> = {
  intake: '登记受理',
  reject: '不予受理',
  transfer: '移送',
  lead: '主办',
  assist: '协办',
  outranked: '主办落选，转协办',
  superseded: '命中，被同级更高优先的规则取代',
}

export const STAGE: Record<string, string> = {
  intake: '受理',
  screening: '受理/管辖审查',
  routing: '分办',
}

export const KIND: Record<string, string> = {
  complaint: '投诉',
  report: '举报',
  inquiry: '咨询',
}

export const CHANNEL: Record<string, string> = {
  '12315-platform': '12315 平台',
  '12315-hotline': '12315 热线',
  letter: '来信',
  visit: '来访',
  referral: '转办',
}
