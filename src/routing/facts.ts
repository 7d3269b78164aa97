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
  respondent: '被投诉（举报）人 { name, county, operatesIn, domicile, online, platformOperator }，用 path 取字段（县名已规范化，空白的已删去）',
  online: '被投诉人是否网上经营（缺省：给了 platformOperator 即为 true，否则 false）',
  inPlatform: '被投诉人是否为平台内经营者（给了 platformOperator）',
  ownCounty: '本局所在县（rules/config.yaml）',
  respondentCounty: '被投诉人所在县：county，否则 operatesIn，否则 domicile（都没有为本县，并提示）',
  respondentInCounty: '《暂行办法》第十二条第一款：被投诉人实际经营地或者住所地（county、operatesIn、domicile 任一）在本县；都未提供时为 true',
  respondentOperatesIn: '被投诉人实际经营地：operatesIn，否则 county，否则 domicile，否则本县',
  respondentDomicile: '被投诉人住所地：domicile，否则 county，否则 operatesIn，否则本县',
  platformCounty: '平台经营者住所地（没有则为 null）',
  occurredIn: '被举报行为发生地（缺省为本县，并提示）',
  adMedium: "广告的发布媒介：'television' | 'radio' | 'film' | 'newspaper' | 'periodical' | 'internet' | 'outdoor' | 'other'；未提供为 null",
  adSelfPublished: '广告主自行发布（缺省 false）',
  adPublisherCounty: '广告发布者所在县（未提供时为被举报人所在县 respondentCounty）',
  adAdvertiserCounty: '广告主所在县（未提供时为被举报人所在县 respondentCounty）',
  forLivingConsumption: '是否为生活消费需要（缺省 true）',
  handledElsewhere: '是否已由法院、仲裁、其他机关或消协受理或处理（缺省 false）',
  yearsSinceHarmKnown: '自知道权益受侵害之日起到收到之日的年数（可带小数；未给 harmKnownOn 时为 0）。按法律计算期间的方法：开始的当日不计入，期间最后一日（周年对应日）是法定休假日的，以其次日后的第一个工作日为最后一日——这期间内为整数，故 greaterThan N 即“超过 N 年”',
  harmKnownOnGiven: '是否给了知道权益受侵害之日（harmKnownOn）',
  yearsSinceTextDate: '文字里写到的最早日期（如「2004年」「2022年5月」「2023.3.15」，按其可能的最晚一日计）到收到之日的约略年数；文字里没有日期为 0。只作提示用（screening 规则的 hint），不据以决定',
  respondentName: '被投诉（举报）人名称（已规范化；没有则为空串），如「某某银行某支行」「某某大药房」',
  category: '商品和服务类别编号（rules/categories.yaml，按文字和被投诉人名称判断；判断不出为 unclassified）',
  categoryLead: '该类别通常的主办股室（类别的 sections 第一个；类别不属本局或未分类为 null）',
  categoryOutOfScope: '该类别是否不属市场监管职责（类别写了 outOfScope）',
  categoryByRespondent: '该类别的词是否出现在被投诉（举报）人名称里（如「某某热力公司」之于供暖服务）：被投诉人本身就是这类经营者，证据强',
} as const

export type RoutingFactName = keyof typeof ROUTING_FACTS

export { BUILTIN_OPERATORS, TEXT_OPERATORS, ALL_OPERATORS } from '../conditions/operators.js'
