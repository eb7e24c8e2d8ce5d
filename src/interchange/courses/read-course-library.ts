import { join } from 'node:path';
import { courseLibraryFileSchema } from '../../contracts/course-library-file.js';
import type { CourseLibrary } from '../../core/courses/course-library.js';
import { readJsonFile } from '../read-json-file.js';
import { packageDataDir } from '../shared-data.js';

/** The bundled course library (`data/courses/course-library.json`). */
export function courseLibraryPath(): string {
  return join(packageDataDir(), 'courses', 'course-library.json');
}

let bundled: Promise<CourseLibrary> | undefined;

/** Reads a course library file (shape checked; `validateCourseLibrary` checks it against a framework). */
export async function readCourseLibrary(path = courseLibraryPath()): Promise<CourseLibrary> {
  const file = await readJsonFile(path, courseLibraryFileSchema, path);
  return { areas: file.areas, courses: file.courses };
}

/** The bundled library, read once per process (it ships with the code and never changes while running). */
export function bundledCourseLibrary(): Promise<CourseLibrary> {
  if (!bundled) {
    bundled = readCourseLibrary();
    bundled.catch(() => (bundled = undefined));
  }
  return bundled;
}
