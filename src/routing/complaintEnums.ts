/** The fixed lists of a complaint's fields (`complaintInput`), apart from its zod schemas. */

export const CHANNELS = ['12315-platform', '12315-hotline', 'letter', 'visit', 'referral'] as const

/** Where an advertisement ran (《暂行办法》第二十八条). Which of them are mass media is said in rules/screening.yaml. */
export const AD_MEDIA = ['television', 'radio', 'film', 'newspaper', 'periodical', 'internet', 'outdoor', 'other'] as const
