/**
 * Generated report records for the benchmark and the sample file: deterministic (seeded), with the
 * handling dates, sums, categories and respondents a county's 12315 export has, personal data in some
 * texts (for the redaction), and prepaid-card complaints rising in 2026 (a hot spot to find).
 */
interface Template {
  kind: 'complaint' | 'report' | 'inquiry'
  text: string
  category: { id: string; name: string }
  respondents: string[]
}

const C = {
  food: { id: 'food', name: '食品' },
  catering: { id: 'catering', name: '餐饮服务' },
  drugs: { id: 'drugs', name: '药品' },
  cosmetics: { id: 'cosmetics', name: '化妆品' },
  prepaid: { id: 'prepaid', name: '预付式消费' },
  clothing: { id: 'clothing', name: '服装鞋帽' },
  advertising: { id: 'advertising', name: '广告宣传' },
  metrology: { id: 'metrology', name: '计量' },
  appliances: { id: 'appliances', name: '家用电器' },
}

const TEMPLATES: Template[] = [
  { kind: 'complaint', text: '在超市买的牛奶过期了，要求退款并赔偿', category: C.food, respondents: ['城关惠民超市有限公司', '城关惠民超市', '鑫旺购物广场'] },
  { kind: 'complaint', text: '超市卖的酸奶过期两天了还在货架上，要求赔偿', category: C.food, respondents: ['城关惠民超市', '鑫旺购物广场有限公司'] },
  { kind: 'complaint', text: '在网店买的零食发霉了，商家不理', category: C.food, respondents: ['乐购零食铺'] },
  { kind: 'complaint', text: '在饭店吃饭，菜里吃出一只苍蝇，店家只肯打九折', category: C.catering, respondents: ['老街饭店', '味道小厨'] },
  { kind: 'complaint', text: '中午在小吃店吃了一碗凉皮，下午就拉肚子', category: C.catering, respondents: ['张记小吃店'] },
  { kind: 'report', text: '举报夜市一家烧烤摊用地沟油', category: C.catering, respondents: ['夜市烧烤摊'] },
  { kind: 'report', text: '举报某药店不凭处方随意销售处方药，执业药师也不在岗', category: C.drugs, respondents: ['康民大药房有限公司', '康民大药房'] },
  { kind: 'complaint', text: '在商场专柜买的面霜用了两天脸上过敏红肿', category: C.cosmetics, respondents: ['金鼎商场'] },
  { kind: 'complaint', text: '在某健身房办了年卡，交了3000元，才去了两次健身房就关门跑路了，要求退还余款', category: C.prepaid, respondents: ['力美健身会所', '力美健身会所有限公司'] },
  { kind: 'complaint', text: '理发店换了老板，原来充的会员卡余额不认了', category: C.prepaid, respondents: ['时尚美发店'] },
  { kind: 'complaint', text: '美容院趁我做护理时强制消费办卡，要求局里调解退钱', category: C.prepaid, respondents: ['丽人美容院'] },
  { kind: 'complaint', text: '买的羽绒服跑绒严重，怀疑含绒量不达标，要求送检鉴定', category: C.clothing, respondents: ['步步高服装店'] },
  { kind: 'complaint', text: '买的拖鞋穿了一天就断了，商家不给退货', category: C.clothing, respondents: ['安步鞋店'] },
  { kind: 'report', text: '举报某商场门口的广告牌写着全县最低价，实际比别家贵，是虚假广告', category: C.advertising, respondents: ['金鼎商场'] },
  { kind: 'report', text: '菜市场一家摊位的电子秤缺斤少两，称一斤少二两', category: C.metrology, respondents: ['城南菜市场'] },
  { kind: 'complaint', text: '在海鲜饭店点的活鱼，店家称重时缺斤少两', category: C.metrology, respondents: ['海之味海鲜饭店'] },
  { kind: 'complaint', text: '手机买了三天就黑屏，商家说是人为损坏，我要求做鉴定', category: C.appliances, respondents: ['通达手机店'] },
  { kind: 'inquiry', text: '买东西被骗了，想问一下怎么投诉，维权途径有哪些', category: C.food, respondents: [] },
  { kind: 'inquiry', text: '办了充值卡的美容院跑路了，钱还能要回来吗', category: C.prepaid, respondents: [] },
]

const CHANNELS = ['12315-platform', '12315-platform', '12315-platform', '12315-hotline', '12315-hotline', 'letter', 'visit'] as const

function mulberry32(seed: number) {
  return () => {
    seed |= 0
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** `count` records received between `from` and `to`, the same for the same seed. */
export function* generateRecords(count: number, options: { from: string; to: string; seed?: number; prefix?: string }): Generator<Record<string, unknown>> {
  const random = mulberry32(options.seed ?? 42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
  const start = Date.parse(options.from)
  const days = Math.round((Date.parse(options.to) - start) / DAY) + 1
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('')
  for (let i = 0; i < count; i++) {
    const received = start + Math.floor(random() * days) * DAY
    const receivedOn = iso(received)
    // Prepaid-card complaints rise in 2026: a hot spot for the comparison to find.
    let template = pick(TEMPLATES)
    if (receivedOn >= '2026-01-01' && random() < 0.15) template = TEMPLATES[8 + Math.floor(random() * 3)]!
    let text = template.text
    const r = random()
    if (r < 0.15) text += `，联系电话1${pick(['3', '5', '8', '9'])}${digits(9)}`
    else if (r < 0.18) text += `，我叫王小明，身份证号110105${pick(['1980', '1992'])}0${1 + Math.floor(random() * 9)}1${digits(3)}${pick(['X', '1', '7'])}`
    else if (r < 0.21) text += `，退款请打到卡号6222${digits(12)}`
    else if (r < 0.24) text += `，我住在人民路${1 + Math.floor(random() * 200)}号`
    const record: Record<string, unknown> = {
      id: `${options.prefix ?? 'R'}-${String(i + 1).padStart(7, '0')}`,
      kind: template.kind,
      channel: pick(CHANNELS),
      receivedOn,
      text,
      category: template.category,
    }
    if (template.respondents.length) record.respondent = { name: pick(template.respondents), county: 'XX县' }
    if (template.kind === 'report') {
      record.occurredIn = 'XX县'
      record.realName = random() < 0.5
      if (random() < 0.8) {
        const decided = received + (3 + Math.floor(random() * 25)) * DAY
        record.caseDecisionOn = iso(decided)
        if (record.realName) record.reporterNotifiedOn = iso(decided + Math.floor(random() * 6) * DAY)
      }
    }
    if (template.kind === 'complaint') {
      if (random() < 0.92) {
        const accepted = received + (1 + Math.floor(random() * 11)) * DAY
        record.acceptedOn = iso(accepted)
        if (random() < 0.75) {
          const ended = accepted + (3 + Math.floor(random() * 60)) * DAY
          record.mediationEndedOn = iso(ended)
          record.partiesNotifiedOn = iso(ended + Math.floor(random() * 8) * DAY)
          record.mediationOutcome = random() < 0.68 ? 'agreement' : 'no-agreement'
          const amount = Math.round(50 + random() * 4000)
          record.amountYuan = amount
          if (record.mediationOutcome === 'agreement') record.recoveredYuan = Math.round(amount * (0.5 + random() * 0.5))
        }
      }
    }
    yield record
  }
}
