import { z } from "zod";
import { willViewSchema } from "../will/will.schemas";
import { bilingual } from "../common/values.schemas";

export const teamMemberSchema = z.object({
  id: z.number(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  romanizedName: z.string(),
  role: bilingual,
  level: z.number(),
  yearsAtLevel: z.number(),
  standardYears: z.number().nullable(),
  pastStandardYears: z.boolean(),
  skillCount: z.number(),
  topSkills: z.array(z.object({ name: bilingual, level: z.number() })),
  pendingVerifications: z.number(),
  /** Null unless the person shares their Will with their manager. */
  will: willViewSchema.nullable(),
  lastConversationOn: z.string().nullable(),
  nextConversationOn: z.string().nullable(),
  conversationOverdue: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamOutput = z.array(teamMemberSchema);

/**
 * Someone whose primary post is elsewhere but who holds a concurrent post (兼務) in the manager's
 * department: their name, home department and the post here — nothing a direct manager alone may
 * see (Will, conversations, skill verification stay with the primary post's manager).
 */
export const concurrentMemberSchema = z.object({
  id: z.number(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  romanizedName: z.string(),
  homeDepartment: bilingual,
  department: bilingual,
  role: bilingual,
  timePercent: z.number(),
  startOn: z.string(),
  endOn: z.string().nullable(),
});
export type ConcurrentMember = z.infer<typeof concurrentMemberSchema>;

export const concurrentMembersOutput = z.array(concurrentMemberSchema);

export const remindersOutput = z.object({
  profileStale: z.boolean(),
  profileReviewedAt: z.date().nullable(),
  stalenessDays: z.number(),
  /** The person's own next career conversation, when its date has passed. */
  ownConversationOverdueSince: z.string().nullable(),
  /** Managers: reports whose next conversation date has passed. */
  reportsWithOverdueConversation: z.number(),
  /** Managers: report skills waiting for verification. */
  pendingVerifications: z.number(),
  /** Managers: reports past their level's standard years. */
  reportsPastStandardYears: z.number(),
});
export type Reminders = z.infer<typeof remindersOutput>;
