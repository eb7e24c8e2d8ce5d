import { api, buildUrl, type UploadProgress } from '../../../api/api-client.js';
import type {
  VoteRequest,
  CollegeCourseDto,
  CourseListImportResult,
  CourseSystemDetail,
  CourseSystemList,
  CoverageReportDto,
  CreateCourseSystemInput,
  MyPathway,
  PathwayNoticeList,
  PathwayRequest,
  PathwayResult,
  ReplanInput,
  SavePathwayRequest,
  TrainingPlanDto,
  TrainingPlanList,
} from '../../../api/contracts.js';

const segment = encodeURIComponent;
const college = (organisationId: string) => `/api/organisations/${segment(organisationId)}`;
const systems = (organisationId: string) => `${college(organisationId)}/course-systems`;
const plans = (organisationId: string) => `${college(organisationId)}/training-plans`;

export function listCourseSystems(organisationId: string, signal?: AbortSignal): Promise<CourseSystemList> {
  return api.get<CourseSystemList>(systems(organisationId), { signal });
}

export function createCourseSystem(
  organisationId: string,
  input: CreateCourseSystemInput,
): Promise<CourseSystemDetail> {
  return api.post<CourseSystemDetail>(systems(organisationId), input);
}

export function getCourseSystem(organisationId: string, id: string, signal?: AbortSignal): Promise<CourseSystemDetail> {
  return api.get<CourseSystemDetail>(`${systems(organisationId)}/${segment(id)}`, { signal });
}

export function replanCourseSystem(
  organisationId: string,
  id: string,
  input: ReplanInput,
): Promise<CourseSystemDetail> {
  return api.post<CourseSystemDetail>(`${systems(organisationId)}/${segment(id)}/plan`, input);
}

/** A teacher's name for a course of the course system (the English title stays when left empty). */
export function renameCourse(
  organisationId: string,
  id: string,
  courseId: string,
  input: { titleZh: string; titleEn: string },
): Promise<CourseSystemDetail> {
  return api.put<CourseSystemDetail>(
    `${systems(organisationId)}/${segment(id)}/courses/${segment(courseId)}/title`,
    input,
  );
}

/** Gives a renamed course its derived title back. */
export function restoreCourseTitle(organisationId: string, id: string, courseId: string): Promise<CourseSystemDetail> {
  return api.delete<CourseSystemDetail>(`${systems(organisationId)}/${segment(id)}/courses/${segment(courseId)}/title`);
}

export function planPathway(organisationId: string, id: string, request: PathwayRequest): Promise<PathwayResult> {
  return api.post<PathwayResult>(`${systems(organisationId)}/${segment(id)}/pathway`, request);
}

export function getMyPathway(organisationId: string, id: string, signal?: AbortSignal): Promise<MyPathway> {
  return api.get<MyPathway>(`${systems(organisationId)}/${segment(id)}/my-pathway`, { signal });
}

export function saveMyPathway(organisationId: string, id: string, request: SavePathwayRequest): Promise<MyPathway> {
  return api.put<MyPathway>(`${systems(organisationId)}/${segment(id)}/my-pathway`, request);
}

export function listMyPathwayNotices(organisationId: string, signal?: AbortSignal): Promise<PathwayNoticeList> {
  return api.get<PathwayNoticeList>(`/api/organisations/${segment(organisationId)}/my-pathway-notices`, { signal });
}

export function getCoverage(
  organisationId: string,
  id: string,
  links: 'confirmed' | 'suggested',
  signal?: AbortSignal,
): Promise<CoverageReportDto> {
  return api.get<CoverageReportDto>(`${systems(organisationId)}/${segment(id)}/coverage`, { query: { links }, signal });
}

export function listCollegeCourses(
  organisationId: string,
  signal?: AbortSignal,
): Promise<{ items: CollegeCourseDto[] }> {
  return api.get<{ items: CollegeCourseDto[] }>(`${college(organisationId)}/courses`, { signal });
}

export function importCourseList(
  organisationId: string,
  file: File,
  onProgress?: UploadProgress,
): Promise<CourseListImportResult> {
  return api.postFile<CourseListImportResult>(`${college(organisationId)}/courses/import`, file, {
    query: { fileName: file.name },
    onProgress,
  });
}

export function decideCourseLink(
  organisationId: string,
  code: string,
  competencyId: string,
  status: 'confirmed' | 'rejected',
): Promise<{ items: CollegeCourseDto[] }> {
  return api.put<{ items: CollegeCourseDto[] }>(
    `${college(organisationId)}/courses/${segment(code)}/links/${segment(competencyId)}`,
    { status },
  );
}

export function listTrainingPlans(organisationId: string, signal?: AbortSignal): Promise<TrainingPlanList> {
  return api.get<TrainingPlanList>(plans(organisationId), { signal });
}

export function createTrainingPlan(
  organisationId: string,
  input: { courseSystemId: string; specialtyCode: string | null },
): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(plans(organisationId), input);
}

export function getTrainingPlan(organisationId: string, id: string, signal?: AbortSignal): Promise<TrainingPlanDto> {
  return api.get<TrainingPlanDto>(`${plans(organisationId)}/${segment(id)}`, { signal });
}

export function saveTrainingPlanDraft(
  organisationId: string,
  id: string,
  input: { sections: { key: string; text: string }[]; note?: string },
): Promise<TrainingPlanDto> {
  return api.put<TrainingPlanDto>(`${plans(organisationId)}/${segment(id)}/draft`, input);
}

/** Puts the draft before the steering committee (it votes; the director never approves alone). */
export function submitTrainingPlan(
  organisationId: string,
  id: string,
  body: { committeeId?: string } = {},
): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(`${plans(organisationId)}/${segment(id)}/submit`, body);
}

/** The director takes the version back from the committee before it decides. */
export function withdrawTrainingPlan(organisationId: string, id: string): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(`${plans(organisationId)}/${segment(id)}/withdraw`);
}

/** The committee's view of a plan put before it, and a member's vote on it. */
export function getCommitteePlan(id: string, signal?: AbortSignal): Promise<TrainingPlanDto> {
  return api.get<TrainingPlanDto>(`/api/committee/training-plans/${segment(id)}`, { signal });
}

export function voteOnTrainingPlan(id: string, request: VoteRequest): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(`/api/committee/training-plans/${segment(id)}/votes`, request);
}

export function startTrainingPlanVersion(
  organisationId: string,
  id: string,
  refresh: boolean,
): Promise<TrainingPlanDto> {
  return api.post<TrainingPlanDto>(`${plans(organisationId)}/${segment(id)}/versions`, { refresh });
}

/** Where the browser downloads one version (a plain link: the session cookie goes with it). */
export function trainingPlanExportUrl(
  organisationId: string,
  id: string,
  number: number,
  format: 'docx' | 'xlsx' | 'pdf',
): string {
  return buildUrl(`${plans(organisationId)}/${segment(id)}/versions/${number}/export`, { format });
}
