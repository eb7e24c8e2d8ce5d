import { api, buildUrl, type UploadProgress } from '../../../api/api-client.js';
import type {
  Account,
  ClassList,
  ClassView,
  CohortList,
  CreateDepartmentInput,
  DepartmentNode,
  DepartmentTree,
  IssuedCode,
  RosterApplyResult,
  RosterEntryList,
  RosterFileFormat,
  RosterImport,
  RosterImportDetail,
  RosterImportSection,
  RosterKind,
  UpdateDepartmentInput,
} from '../../../api/contracts.js';

interface OkResponse {
  ok: true;
}

const organisationPath = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}`;

export interface RosterFilters {
  kind?: RosterKind;
  classId?: string;
  departmentId?: string;
  cohortYear?: number;
  status?: 'active' | 'left';
  q?: string;
  limit: number;
  offset: number;
}

export function listRoster(organisationId: string, filters: RosterFilters, signal?: AbortSignal) {
  return api.get<RosterEntryList>(`${organisationPath(organisationId)}/roster`, { query: { ...filters }, signal });
}

/** A plain link: the session cookie goes with it, and a GET needs no CSRF token. */
export function rosterExportUrl(organisationId: string, kind: RosterKind, format: RosterFileFormat = 'xlsx'): string {
  return buildUrl(`${organisationPath(organisationId)}/roster/export`, { kind, format });
}

export function rosterTemplateUrl(
  organisationId: string,
  kind: RosterKind,
  lang: 'zh-CN' | 'en',
  format: RosterFileFormat = 'xlsx',
): string {
  return buildUrl(`${organisationPath(organisationId)}/rosters/${kind}/template`, { lang, format });
}

/**
 * Uploads a roster file (the body is the file, its name in `?fileName=`, as every import here takes it): the answer
 * is the preview (counts), nothing applied yet.
 */
export function previewRoster(
  organisationId: string,
  kind: RosterKind,
  file: File,
  onProgress?: UploadProgress,
): Promise<RosterImport> {
  return api.postFile<RosterImport>(`${organisationPath(organisationId)}/rosters/${kind}/preview`, file, {
    query: { fileName: file.name },
    onProgress,
  });
}

export function listRosterImports(
  organisationId: string,
  paging: { limit: number; offset: number },
  signal?: AbortSignal,
) {
  return api.get<{ items: RosterImport[]; total: number }>(`${organisationPath(organisationId)}/roster-imports`, {
    query: { ...paging },
    signal,
  });
}

/** One import with one section of its diff, paged (the server's contract). */
export type { RosterImportDetail };

export function fetchRosterImport(
  organisationId: string,
  importId: string,
  query: { section: RosterImportSection; limit: number; offset: number },
  signal?: AbortSignal,
): Promise<RosterImportDetail> {
  return api.get<RosterImportDetail>(
    `${organisationPath(organisationId)}/roster-imports/${encodeURIComponent(importId)}`,
    { query: { ...query }, signal },
  );
}

export function applyRosterImport(organisationId: string, importId: string, markLeft: boolean) {
  return api.post<RosterApplyResult>(
    `${organisationPath(organisationId)}/roster-imports/${encodeURIComponent(importId)}/apply`,
    { markLeft },
  );
}

export function discardRosterImport(organisationId: string, importId: string) {
  return api.delete<OkResponse>(`${organisationPath(organisationId)}/roster-imports/${encodeURIComponent(importId)}`);
}

export interface ClassFilters {
  cohortYear?: number;
  departmentId?: string;
  specialtyCode?: string;
  q?: string;
  limit: number;
  offset: number;
}

export function listClasses(organisationId: string, filters: ClassFilters, signal?: AbortSignal) {
  return api.get<ClassList>(`${organisationPath(organisationId)}/classes`, { query: { ...filters }, signal });
}

export function fetchClass(organisationId: string, classId: string, signal?: AbortSignal) {
  return api.get<ClassView>(`${organisationPath(organisationId)}/classes/${encodeURIComponent(classId)}`, { signal });
}

/** The class's activation codes as a file to print (XLSX by default); saved by the browser. */
export function downloadActivationCodes(
  organisationId: string,
  classView: Pick<ClassView, 'id' | 'name'>,
  request: { onlyWithoutPassword: boolean; format: RosterFileFormat },
): Promise<string> {
  return api.download(
    'POST',
    `${organisationPath(organisationId)}/classes/${encodeURIComponent(classView.id)}/activation-codes`,
    `${classView.name}.${request.format}`,
    { body: request },
  );
}

export function listCohorts(organisationId: string, signal?: AbortSignal) {
  return api.get<CohortList>(`${organisationPath(organisationId)}/cohorts`, { signal });
}

export function fetchDepartmentTree(organisationId: string, signal?: AbortSignal) {
  return api.get<DepartmentTree>(`${organisationPath(organisationId)}/departments`, { signal });
}

export function createDepartment(organisationId: string, input: CreateDepartmentInput) {
  return api.post<DepartmentNode>(`${organisationPath(organisationId)}/departments`, input);
}

export function updateDepartment(organisationId: string, departmentId: string, input: UpdateDepartmentInput) {
  return api.patch<DepartmentNode>(
    `${organisationPath(organisationId)}/departments/${encodeURIComponent(departmentId)}`,
    input,
  );
}

export function deleteDepartment(organisationId: string, departmentId: string) {
  return api.delete<OkResponse>(`${organisationPath(organisationId)}/departments/${encodeURIComponent(departmentId)}`);
}

const accountPath = (organisationId: string, personId: string) =>
  `${organisationPath(organisationId)}/accounts/${encodeURIComponent(personId)}`;

export function fetchAccount(organisationId: string, personId: string, signal?: AbortSignal) {
  return api.get<Account>(accountPath(organisationId, personId), { signal });
}

export type AccountAction = 'disable' | 'enable' | 'leave' | 'return' | 'end-sessions';

/** A lifecycle action on a member's account; the answer is the account as it is now (or an acknowledgement). */
export function actOnAccount(organisationId: string, personId: string, action: AccountAction) {
  return api.post<unknown>(`${accountPath(organisationId, personId)}/${action}`);
}

export function issueResetCode(organisationId: string, personId: string) {
  return api.post<IssuedCode>(`${accountPath(organisationId, personId)}/reset-code`);
}
