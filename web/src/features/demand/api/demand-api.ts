import { api, type UploadProgress } from '../../../api/api-client.js';
import type {
  Declaration,
  DeclarationImportResult,
  DeclarationInput,
  DeclarationList,
  DeclarationSummary,
  DemandOverview,
  LinkMode,
  LinkTextRequest,
  LinkTextResult,
  PostDemandProfile,
  PostingDetail,
  PostingImport,
  PostingImportList,
  PostingPage,
  TrendReport,
} from '../../../api/contracts.js';

const segment = encodeURIComponent;

/** Every signed-in person: the competencies a text mentions, with their spans, and the post it reads like. */
export function linkText(request: LinkTextRequest, signal?: AbortSignal): Promise<LinkTextResult> {
  return api.post<LinkTextResult>('/api/demand/link', request, { signal });
}

export function listPostingImports(signal?: AbortSignal): Promise<PostingImportList> {
  return api.get<PostingImportList>('/api/demand/imports', { signal });
}

/**
 * Demand importers. A CSV, JSONL or XLSX file of postings, sent as the raw body; the file is validated whole
 * first, and a problem is IMPORT_FAILED with a `FILE:LINE:FIELD: reason` message.
 */
export function importPostings(
  file: Blob,
  query: { fileName: string; mode: LinkMode },
  onProgress?: UploadProgress,
): Promise<PostingImport> {
  return api.postFile<PostingImport>('/api/demand/imports', file, { query: { ...query }, onProgress });
}

/** Demand importers. The import and its postings go. */
export function deletePostingImport(importId: string): Promise<void> {
  return api.delete<void>(`/api/demand/imports/${segment(importId)}`);
}

export interface PostingSearch {
  q?: string;
  post?: string;
  province?: string;
  year?: number;
  competency?: string;
  limit: number;
  offset: number;
}

export function searchPostings(query: PostingSearch, signal?: AbortSignal): Promise<PostingPage> {
  return api.get<PostingPage>('/api/demand/postings', { query: { ...query }, signal });
}

export function fetchPosting(postingId: string, signal?: AbortSignal): Promise<PostingDetail> {
  return api.get<PostingDetail>(`/api/demand/postings/${segment(postingId)}`, { signal });
}

export interface DemandFilter {
  province?: string;
  post?: string;
}

export function fetchDemandOverview(filter: DemandFilter, signal?: AbortSignal): Promise<DemandOverview> {
  return api.get<DemandOverview>('/api/demand/overview', { query: { ...filter }, signal });
}

export interface TrendSearch extends DemandFilter {
  from?: number;
  to?: number;
  fdr?: number;
  minPostings?: number;
  limit?: number;
}

export function fetchTrends(query: TrendSearch, signal?: AbortSignal): Promise<TrendReport> {
  return api.get<TrendReport>('/api/demand/trends', { query: { ...query }, signal });
}

export function fetchPostDemand(postId: string, signal?: AbortSignal): Promise<PostDemandProfile> {
  return api.get<PostDemandProfile>(`/api/demand/posts/${segment(postId)}`, { signal });
}

export function fetchDeclarationSummary(signal?: AbortSignal): Promise<DeclarationSummary> {
  return api.get<DeclarationSummary>('/api/demand/declarations/summary', { signal });
}

function declarationsPath(organisationId: string): string {
  return `/api/organisations/${segment(organisationId)}/demand-declarations`;
}

/** Enterprise admins and engineers of that enterprise. */
export function listDeclarations(organisationId: string, signal?: AbortSignal): Promise<DeclarationList> {
  return api.get<DeclarationList>(declarationsPath(organisationId), { signal });
}

/** Enterprise admins of that enterprise. */
export function createDeclaration(organisationId: string, input: DeclarationInput): Promise<Declaration> {
  return api.post<Declaration>(declarationsPath(organisationId), input);
}

export function deleteDeclaration(organisationId: string, declarationId: string): Promise<void> {
  return api.delete<void>(`${declarationsPath(organisationId)}/${segment(declarationId)}`);
}

/** Enterprise admins of that enterprise. An XLSX or CSV file, one declaration a row, all or nothing. */
export function importDeclarations(
  organisationId: string,
  file: File,
  onProgress?: UploadProgress,
): Promise<DeclarationImportResult> {
  return api.postFile<DeclarationImportResult>(`${declarationsPath(organisationId)}/import`, file, {
    query: { fileName: file.name },
    onProgress,
  });
}
