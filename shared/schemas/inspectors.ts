import { z } from 'zod';

/** A person a coop admin may put in a mutual inspection group: a member enterprise's person, or an expert. */
export const inspectorCandidateSchema = z.object({
  userId: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  role: z.enum(['member', 'expert']),
});
export type InspectorCandidate = z.infer<typeof inspectorCandidateSchema>;

export const inspectorCandidateListSchema = z.object({ items: z.array(inspectorCandidateSchema) });
