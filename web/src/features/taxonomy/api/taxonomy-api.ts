import { api, buildUrl, type UploadProgress } from '../../../api/api-client.js';
import type {
  CompetencyChange,
  CompetencyCreate,
  CompetencyDetail,
  CompetencyDimension,
  CompetencyGroupsFilter,
  CompetencyPage,
  CompetencyPatch,
  CompetencyType,
  CreateDraftRequest,
  EditList,
  ExportFormat,
  FrameworkDiffResponse,
  FrameworkVersion,
  FrameworkVersionList,
  EducationLevel,
  ImportQuery,
  ImportResult,
  OccupationPage,
  OccupationScheme,
  PostCategory,
  PostDetail,
  PostList,
  ReleaseVersionRequest,
  RequirementsPut,
  SpecialtyLevel,
  SpecialtyPage,
} from '../../../api/contracts.js';

const segment = encodeURIComponent;

function versionPath(versionId: string): string {
  return `/api/frameworks/${segment(versionId)}`;
}

export function listFrameworkVersions(signal?: AbortSignal): Promise<FrameworkVersionList> {
  return api.get<FrameworkVersionList>('/api/frameworks', { signal });
}

export function fetchFrameworkVersion(versionId: string, signal?: AbortSignal): Promise<FrameworkVersion> {
  return api.get<FrameworkVersion>(versionPath(versionId), { signal });
}

/**
 * Taxonomy releasers. An XLSX workbook or CASE package, sent as the raw body, becomes a draft version (all or
 * nothing); a file problem is IMPORT_FAILED with a `FILE:LINE:FIELD: reason` message.
 */
export function importFrameworkFile(
  file: Blob,
  query: ImportQuery,
  onProgress?: UploadProgress,
): Promise<ImportResult> {
  return api.postFile<ImportResult>('/api/frameworks/import', file, { query: { ...query }, onProgress });
}

export interface OccupationSearch {
  q?: string;
  scheme?: OccupationScheme;
  limit: number;
  offset: number;
}

export function searchOccupations(versionId: string, query: OccupationSearch, signal?: AbortSignal) {
  return api.get<OccupationPage>(`${versionPath(versionId)}/occupations`, { query: { ...query }, signal });
}

export interface SpecialtySearch {
  q?: string;
  educationLevel?: EducationLevel;
  level?: SpecialtyLevel;
  limit: number;
  offset: number;
}

export function searchSpecialties(versionId: string, query: SpecialtySearch, signal?: AbortSignal) {
  return api.get<SpecialtyPage>(`${versionPath(versionId)}/specialties`, { query: { ...query }, signal });
}

export interface CompetencySearch {
  q?: string;
  type?: CompetencyType;
  dimension?: CompetencyDimension;
  groups?: CompetencyGroupsFilter;
  limit: number;
  offset: number;
}

/** Fuzzy search over labels and aliases in both languages when `q` is set; the plain list otherwise. */
export function searchCompetencies(
  versionId: string,
  query: CompetencySearch,
  signal?: AbortSignal,
): Promise<CompetencyPage> {
  return api.get<CompetencyPage>(`${versionPath(versionId)}/competencies`, { query: { ...query }, signal });
}

export function fetchCompetency(versionId: string, competencyId: string, signal?: AbortSignal) {
  return api.get<CompetencyDetail>(`${versionPath(versionId)}/competencies/${segment(competencyId)}`, { signal });
}

/** Draft versions only; taxonomy editors. A new competency (unique id, optional broader); answers its detail. */
export function createCompetency(versionId: string, competency: CompetencyCreate): Promise<CompetencyDetail> {
  return api.post<CompetencyDetail>(`${versionPath(versionId)}/competencies`, competency);
}

/** Draft versions only; taxonomy editors. Answers the competency as it is now. */
export function patchCompetency(versionId: string, competencyId: string, patch: CompetencyPatch) {
  return api.patch<CompetencyDetail>(`${versionPath(versionId)}/competencies/${segment(competencyId)}`, patch);
}

export function fetchCompetencyHistory(versionId: string, competencyId: string, signal?: AbortSignal) {
  return api.get<EditList>(`${versionPath(versionId)}/competencies/${segment(competencyId)}/history`, { signal });
}

export function listPosts(
  versionId: string,
  query: { q?: string; category?: PostCategory },
  signal?: AbortSignal,
): Promise<PostList> {
  return api.get<PostList>(`${versionPath(versionId)}/posts`, { query: { ...query }, signal });
}

export function fetchPost(versionId: string, postId: string, signal?: AbortSignal): Promise<PostDetail> {
  return api.get<PostDetail>(`${versionPath(versionId)}/posts/${segment(postId)}`, { signal });
}

/** Draft versions only; taxonomy editors. Replaces every requirement of the post; answers the post as it is now. */
export function putPostRequirements(versionId: string, postId: string, body: RequirementsPut): Promise<PostDetail> {
  return api.put<PostDetail>(`${versionPath(versionId)}/posts/${segment(postId)}/requirements`, body);
}

export function fetchPostHistory(versionId: string, postId: string, signal?: AbortSignal): Promise<EditList> {
  return api.get<EditList>(`${versionPath(versionId)}/posts/${segment(postId)}/history`, { signal });
}

/** Taxonomy releasers. A full copy of the version, as a new draft. */
export function deriveDraft(versionId: string, request: CreateDraftRequest): Promise<FrameworkVersion> {
  return api.post<FrameworkVersion>(`${versionPath(versionId)}/drafts`, request);
}

/** Taxonomy releasers. The draft becomes immutable. */
export function releaseVersion(versionId: string, request: ReleaseVersionRequest): Promise<FrameworkVersion> {
  return api.post<FrameworkVersion>(`${versionPath(versionId)}/release`, request);
}

export interface DiffQuery {
  from: string;
  to: string;
  change?: CompetencyChange;
  limit: number;
  offset: number;
}

export function fetchDiff(query: DiffQuery, signal?: AbortSignal): Promise<FrameworkDiffResponse> {
  return api.get<FrameworkDiffResponse>('/api/frameworks/diff', { query: { ...query }, signal });
}

/** A plain download link (the session cookie goes with it; a GET needs no CSRF token). */
export function exportUrl(versionId: string, format: ExportFormat): string {
  return buildUrl(`${versionPath(versionId)}/export`, { format });
}
