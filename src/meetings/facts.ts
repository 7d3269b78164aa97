/**
 * The facts a joint-meeting check may use. Typed code derives them from the validated record (see
 * `deriveMeetingFacts.ts`); the checks in `rules/procedures/joint-meeting.yaml` decide. A condition
 * naming any other fact is a load error (`unknown_fact`).
 */
export const MEETING_FACTS = {
  meetingType: "会议类型：'regular' 例会 | 'ad-hoc' 临时会议",
  convenedByRole: "召集者的身份：'convener' | 'member' | 'office' | 'party-group' | 'other'",
  chairedByRole: '主持者的身份（同上）',
  convenedByConvener: '由召集人（分管局领导）召集',
  convenedByConvenerOrOffice: '由召集人召集，或由联席会议办公室“组织召开”（第十四条，seq 23）',
  chairedByConvener: '由召集人主持',
  requestedBy: '临时会议由谁提出（股室编号、convener、party-group、other；未填为 null）',
  adHocRequestedByMember: '临时会议由成员股室提出（例会为 false）',
  adHocRequestedByEntitled: '临时会议由成员股室、召集人或局党组提出（例会为 false）',
  agendaSetBy: "谁确定议题和议程：'office'（联席会议办公室）| 股室编号 | 'other'",
  agendaSetByOffice: '议题和议程由联席会议办公室确定',
  topicProposedBy: "议题提出者：股室编号 | 'convener' | 'party-group' | 'other'",
  topicProposerLegitimate: '议题由成员股室或召集人提出，或为局党组交办',
  topicLeadDays: '议题报送办公室之日到开会之日的天数（自然日；会后报送为负数）',
  topicSubmittedAfterMeeting: '议题在开会之后才报送办公室',
  materialsCirculated: '记录了会议材料的分发日期',
  materialsCirculatedBeforeMeeting: '会议材料在开会之前分发',
  materialsLeadDays: '材料分发之日到开会之日的天数（自然日；未分发为 null）',
  memberCount: '联席会议成员股室数（19）',
  attendeeCount: '主要负责人出席的成员股室数',
  memberAttendanceRatio: '出席的成员股室占全部成员股室的比例（0..1）',
  invitedCount: '邀请参加的其他部门或人员数',
  discussionCount: '记录的发言（表态）条数（含未出席、未受邀股室的）',
  discussionFromAbsentSections: '出席名单和受邀名单中都没有的股室的发言在 discussion 中的序号（不计入集体讨论）',
  discussionFromAbsentSectionCount: '出席名单和受邀名单中都没有的股室的发言条数',
  countedDiscussionCount: '计入集体讨论的发言条数（发言股室出席或受邀）',
  speakingSections: '有发言记录、且出席或受邀的不同股室数',
  supportCount: '计入集体讨论的发言中表示支持的条数',
  allAbstained: '计入集体讨论的发言至少一条，且全部是弃权',
  distinctPositions: '出现的不同表态数（支持、反对、弃权）',
  objectionCount: '反对意见条数',
  unresolvedObjections: '未解决的反对意见在 discussion 中的序号（从 0 起）',
  unresolvedObjectionCount: '未解决的反对意见条数',
  decisionMethod: "决定方式：'consensus' 一致同意 | 'consultation' 协商一致 | 'majority-vote' 多数表决 | 'convener-alone' 召集人一人决定",
  minutesTaken: '作了会议记录',
  summaryIssued: '已印发会议纪要',
  summaryIssuedBy: "纪要由谁印发：'office' | 股室编号 | 'convener' | 'other'（未印发为 null）",
  summaryIssuedByOffice: '纪要由联席会议办公室印发（未印发为 false）',
  assignmentCount: '议定事项的分工条数',
  assignmentsToNonMembers: '分给非成员的分工在 decision.assignments 中的序号',
  assignmentsToNonMemberCount: '分给非成员的分工条数',
  assignmentsWithoutDueDate: '没有完成时限的分工的序号',
  assignmentsWithoutDueDateCount: '没有完成时限的分工条数',
  assignmentsDueBeforeMeeting: '完成时限早于开会日期的分工的序号',
  assignmentsDueBeforeMeetingCount: '完成时限早于开会日期的分工条数',
  params: '本局设定的参数（rules/procedures/joint-meeting.yaml 的 params），用 path 取：{ fact: params, path: $.minAttendanceRatio }',
} as const

export type MeetingFactName = keyof typeof MEETING_FACTS

/**
 * Facts that list positions in an array of the record. A check with `each: <fact>` gives one finding per
 * position, its `path` with the `'*'` replaced by the position.
 */
export const INDEX_FACTS = {
  unresolvedObjections: ['discussion'],
  discussionFromAbsentSections: ['discussion'],
  assignmentsToNonMembers: ['decision', 'assignments'],
  assignmentsWithoutDueDate: ['decision', 'assignments'],
  assignmentsDueBeforeMeeting: ['decision', 'assignments'],
} as const satisfies Partial<Record<MeetingFactName, readonly string[]>>

export type IndexFactName = keyof typeof INDEX_FACTS

export type MeetingFacts = { [K in MeetingFactName]: unknown } & {
  params: Record<string, number | string | boolean>
} & { [K in IndexFactName]: number[] }
