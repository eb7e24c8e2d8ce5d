import { z } from 'zod';

/** One posting of a period for `zerodock revise --before/--after` (JSON Lines). */
export const revisionPostingLineSchema = z
  .object({
    id: z.string().trim().min(1, 'id may not be empty').max(200),
    text: z.string().max(1_000_000),
    title: z.string().max(1000).optional(),
    post: z.string().min(1).max(200).optional(),
  })
  .passthrough();
export type RevisionPostingLine = z.infer<typeof revisionPostingLineSchema>;

const periodFigureSchema = z.object({ postings: z.number().int(), share: z.number() });

/** `zerodock revise` output, a Change: a significant change (q < 0.05 after false-discovery control). */
export const revisionChangeSchema = z.object({
  competency: z.string(),
  label: z.string(),
  post: z.string().nullable(),
  before: periodFigureSchema,
  after: periodFigureSchema,
  direction: z.enum(['rising', 'falling']),
  q: z.number(),
});
export type RevisionChangeOutput = z.infer<typeof revisionChangeSchema>;

export const revisionProposalOutputSchema = z.object({
  rank: z.number().int(),
  kind: z.string(),
  post: z.string().nullable(),
  course: z.string().nullable(),
  competencies: z.array(z.string()),
  evidence: z.record(z.string(), z.unknown()),
  impact: z.record(z.string(), z.unknown()),
});
export type RevisionProposalOutput = z.infer<typeof revisionProposalOutputSchema>;

export const reviseOutputSchema = z.object({
  changes: z.array(revisionChangeSchema),
  proposals: z.array(revisionProposalOutputSchema),
});
export type ReviseOutput = z.infer<typeof reviseOutputSchema>;
