import { z } from 'zod';
import { findCycle } from '../core/courses/prerequisite-graph.js';
import { refuseDuplicatePostIds } from './groups.js';

/** A course as `zerodock plan` writes it and `zerodock pathway` reads it. */
export const planCourseSchema = z.object({
  id: z.string().trim().min(1).max(100),
  title: z.string().max(400),
  credits: z.number().positive().max(60),
  competencies: z.array(z.string().min(1).max(300)).max(2000),
  prerequisites: z.array(z.string().min(1).max(100)).max(200),
});
export type PlanCourse = z.infer<typeof planCourseSchema>;

/**
 * Output of `zerodock plan`, input of `zerodock pathway`. `essential` (the post's weight ≥ 0.75 competencies)
 * is ours, added to each module entry so a pathway knows its target; a hand-written plan may leave it out.
 */
export const planFileSchema = z
  .object({
    platform: z.array(planCourseSchema),
    modules: z.array(
      z.object({
        post: z.string().min(1).max(200),
        courses: z.array(planCourseSchema),
        essential: z.array(z.string()).optional(),
      }),
    ),
    electives: z.array(planCourseSchema),
    semesters: z.array(z.array(z.string())).max(20),
  })
  .superRefine((file, context) => {
    // A course may appear in several posts' modules (shared); the same id must then be the same course.
    const where = new Map<string, (string | number)[]>();
    const visit = (course: PlanCourse, path: (string | number)[]) => {
      if (!where.has(course.id)) where.set(course.id, path);
    };
    file.platform.forEach((course, index) => visit(course, ['platform', index]));
    file.modules.forEach((entry, m) =>
      entry.courses.forEach((course, index) => visit(course, ['modules', m, 'courses', index])),
    );
    file.electives.forEach((course, index) => visit(course, ['electives', index]));
    const all = [
      ...file.platform.map((course, index) => ({ course, path: ['platform', index] as (string | number)[] })),
      ...file.modules.flatMap((entry, m) =>
        entry.courses.map((course, index) => ({
          course,
          path: ['modules', m, 'courses', index] as (string | number)[],
        })),
      ),
      ...file.electives.map((course, index) => ({ course, path: ['electives', index] as (string | number)[] })),
    ];
    for (const { course, path } of all) {
      course.prerequisites.forEach((before, index) => {
        if (!where.has(before)) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'prerequisites', index],
            message: `course ${course.id} requires ${before}, which is not in the plan`,
          });
        }
      });
    }
    const cycle = findCycle([...new Map(all.map(({ course }) => [course.id, course])).values()]);
    if (cycle) {
      context.addIssue({
        code: 'custom',
        path: [...(where.get(cycle[0]!) ?? []), 'prerequisites'],
        message: `prerequisites form a cycle: ${cycle.join(' → ')}`,
      });
    }
    const seen = new Set<string>();
    file.semesters.forEach((ids, s) =>
      ids.forEach((id, index) => {
        if (!where.has(id)) {
          context.addIssue({ code: 'custom', path: ['semesters', s, index], message: `unknown course ${id}` });
        } else if (seen.has(id)) {
          context.addIssue({
            code: 'custom',
            path: ['semesters', s, index],
            message: `course ${id} is in two semesters`,
          });
        }
        seen.add(id);
      }),
    );
  });
export type PlanFile = z.infer<typeof planFileSchema>;

/** `zerodock pathway --have HAVE.json`: the competency ids the student already has. */
export const haveFileSchema = z.array(z.string().min(1).max(300)).max(10_000);

export const pathwayOutputSchema = z.object({
  courses: z.array(z.string()),
  credits: z.number(),
  uncovered: z.array(z.string()),
});
export type PathwayOutput = z.infer<typeof pathwayOutputSchema>;

// ---- `zerodock plan` input ---------------------------------------------------------------------------------------

/** A competency's name in the plan input: one string (both languages) or `{"zh", "en"}` (one may be empty). */
export const planLabelSchema = z.union([
  z.string().trim().min(1, 'a label may not be empty').max(300),
  z
    .object({ zh: z.string().trim().max(300), en: z.string().trim().max(300) })
    .strict()
    .refine((label) => label.zh !== '' || label.en !== '', 'a label needs zh or en'),
]);

/**
 * Input of `zerodock plan --posts IN.json`: the `zerodock groups` format, each competency optionally carrying the
 * `label` course titles are built from (ids without one are looked up in the data directory's frameworks).
 */
export const planInputFileSchema = z
  .object({
    posts: z
      .array(
        z
          .object({
            id: z.string().min(1),
            label: z.string(),
            labelEn: z.string().optional(),
            competencies: z
              .array(
                z
                  .object({
                    id: z.string().min(1),
                    weight: z.number().gt(0, 'weight must be > 0').max(1, 'weight must be ≤ 1'),
                    label: planLabelSchema.optional(),
                  })
                  .strict(),
              )
              .min(1, 'a post needs at least one competency'),
          })
          .strict(),
      )
      .min(1, 'there are no posts to plan'),
  })
  .superRefine(refuseDuplicatePostIds);
export type PlanInputFile = z.infer<typeof planInputFileSchema>;
