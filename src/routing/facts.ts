/**
 * The facts a routing, intake or screening condition may use. Typed code derives them from the
 * validated complaint (see `deriveFacts.ts`); the rules decide. A condition naming any other fact is a
 * load error (`unknown_fact`).
 */
export const ROUTING_FACTS = {
  text: '投诉/举报/咨询的文字（已规范化：全角转半角、英文小写）',
  kind: "类型：'complaint' 投诉 | 'report' 举报 | 'inquiry' 咨询",
  channel: "渠道：'12315-platform' | '12315-hotline' | 'letter' | 'visit' | 'referral'",
  severity: "'normal' | 'major'（重大突发事件）",
  receivedOn: '收到日期 YYYY-MM-DD',
  respondent: '被投诉（举报）人 { name, county, online, platformOperator }，用 path 取字段',
  online: '被投诉人是否网上经营（缺省：给了 platformOperator 即为 true，否则 false）',
  inPlatform: '被投诉人是否为平台内经营者（给了 platformOperator）',
  ownCounty: '本局所在县（rules/config.yaml）',
  respondentCounty: '被投诉人实际经营地或住所地（缺省为本县，并提示）',
  platformCounty: '平台经营者住所地（没有则为 null）',
  occurredIn: '被举报行为发生地（缺省为本县，并提示）',
  forLivingConsumption: '是否为生活消费需要（缺省 true）',
  handledElsewhere: '是否已由法院、仲裁、其他机关或消协受理或处理（缺省 false）',
  yearsSinceHarmKnown: '自知道权益受侵害之日起到收到之日的年数（可带小数；未给 harmKnownOn 时为 0）',
} as const

export type RoutingFactName = keyof typeof ROUTING_FACTS

export { BUILTIN_OPERATORS, TEXT_OPERATORS, ALL_OPERATORS } from '../conditions/operators.js'
