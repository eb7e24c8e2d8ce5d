import { useSession } from '../../auth/hooks/use-session.js';
import { useCollege, type College } from '../../groups/hooks/use-college.js';

export interface CourseCollege extends College {
  /** Teachers (and directors, admins) confirm course links and edit training-plan drafts. */
  canTeach: boolean;
  /** Students plan pathways; they do not see the course list or the plans. */
  isStudentOnly: boolean;
  canDirect: boolean;
}

/** The active college with what the person may do on the course pages; null when the organisation is not one. */
export function useCourseCollege(): CourseCollege | null {
  const college = useCollege();
  const { activeRoles, can } = useSession();
  if (!college) return null;
  return {
    ...college,
    canDirect: can('POST /api/organisations/:organisationId/course-systems', college.organisationId),
    canTeach: can('PUT /api/organisations/:organisationId/training-plans/:planId/draft', college.organisationId),
    isStudentOnly: activeRoles.length > 0 && activeRoles.every((role) => role === 'student'),
  };
}
