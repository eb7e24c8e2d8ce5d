/**
 * What one student carries in a semester. A student of a group takes the public courses, every platform course,
 * the module courses and extension electives of their own post and the group electives offered; the tracks of
 * different posts run in parallel. So the load of a semester is per post track — public + platform + group
 * electives + that post's modules and extension electives — and the semester cap bounds the most loaded track,
 * never the sum over all posts. Counting every elective offered is deliberately conservative: electives are only
 * offered where the room a student has left holds them all.
 */
export interface LoadCourse {
  id: string;
  credits: number;
  hours: number;
  kind?: 'platform' | 'module' | 'elective';
  /** Module courses: the post whose track they belong to. */
  post?: string | null;
}

export interface SemesterLoad {
  /** Credits of the heaviest student (public courses included). */
  credits: number;
  hours: number;
  /** Credits per post track (public + shared + the post's modules); empty when no course is a module. */
  tracks: Map<string, number>;
  /** Credits every student carries: public courses, platform courses and electives. */
  shared: number;
}

/**
 * The track a course belongs to: a module course's post, an extension elective's post (专业拓展选修课: that post's
 * students choose from them), or null for what every student of the group may take (platform courses, group
 * electives).
 */
export function trackOf(course: Pick<LoadCourse, 'kind' | 'post'>): string | null {
  if (course.kind === 'module') return course.post ?? '';
  if (course.kind === 'elective' && course.post) return course.post;
  return null;
}

/** The post tracks of a set of courses, in first-seen order. */
export function tracksOf(courses: readonly Pick<LoadCourse, 'kind' | 'post'>[]): string[] {
  const tracks = new Set<string>();
  for (const course of courses) {
    const track = trackOf(course);
    if (track !== null) tracks.add(track);
  }
  return [...tracks];
}

/**
 * Per semester, the per-student load of a placement (`semesters[s]` lists course ids). `fixedCredits[s]` and
 * `fixedHours[s]` are what every student already carries there (the college's public courses); `posts` adds
 * tracks with no module course of their own (their students take the shared courses only).
 */
export function studentLoads(
  courses: readonly LoadCourse[],
  semesters: readonly (readonly string[])[],
  fixed: { credits?: readonly number[]; hours?: readonly number[]; posts?: readonly string[] } = {},
): SemesterLoad[] {
  const byId = new Map(courses.map((course) => [course.id, course]));
  const tracks = [...new Set([...tracksOf(courses), ...(fixed.posts ?? [])])];
  return semesters.map((ids, index) => {
    let shared = fixed.credits?.[index] ?? 0;
    let sharedHours = fixed.hours?.[index] ?? 0;
    const own = new Map<string, { credits: number; hours: number }>(
      tracks.map((track) => [track, { credits: 0, hours: 0 }]),
    );
    for (const id of ids) {
      const course = byId.get(id);
      if (!course) continue;
      const track = trackOf(course);
      if (track === null) {
        shared += course.credits;
        sharedHours += course.hours;
      } else {
        const entry = own.get(track)!;
        entry.credits += course.credits;
        entry.hours += course.hours;
      }
    }
    const perTrack = new Map([...own].map(([track, entry]) => [track, round2(shared + entry.credits)]));
    const heaviest = Math.max(0, ...[...own.values()].map((entry) => entry.credits));
    const heaviestHours = Math.max(0, ...[...own.values()].map((entry) => entry.hours));
    return {
      credits: round2(shared + heaviest),
      hours: round2(sharedHours + heaviestHours),
      tracks: perTrack,
      shared: round2(shared),
    };
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
