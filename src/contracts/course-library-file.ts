import { z } from 'zod';

/** The curated course library's file format (`data/courses/course-library.json`). */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case slug');
const text = (max: number) => z.string().trim().min(1).max(max);

export const courseLibraryFileSchema = z
  .object({
    version: z.literal(1),
    areas: z.array(z.object({ id: slug, titleZh: text(40), titleEn: text(80) }).strict()).min(1),
    courses: z
      .array(
        z
          .object({
            code: z.string().regex(/^[A-Z]{2,4}[0-9]{3}$/, 'a course code is 2–4 capitals and 3 digits'),
            area: slug,
            level: z.number().int().min(1).max(3),
            titleZh: text(40),
            titleEn: text(100),
            credits: z.number().positive().max(8).multipleOf(0.5),
            theoryHours: z.number().int().min(0),
            practiceHours: z.number().int().min(0),
            competencies: z.array(slug).min(1),
            prerequisites: z.array(z.string()),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type CourseLibraryFile = z.infer<typeof courseLibraryFileSchema>;
