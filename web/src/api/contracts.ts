/**
 * The web app's window onto the server contracts: types only, so zod never reaches the bundle.
 * Relative paths because the root tsconfig has no `paths` entry for the `@contracts` alias.
 */
export type { AuditAction, AuditEvent, AuditEventList } from '../../../src/contracts/audit.js';
export type {
  DemoAccountsResponse,
  LoginRequest,
  AcceptInvitationRequest,
  InvitationPreview,
  Membership,
  SessionResponse,
  ChangePasswordRequest,
} from '../../../src/contracts/auth.js';
export type {
  CommitteeChoiceListDto,
  CommitteeDto,
  CommitteeReviewDto,
  CommitteeRulesDto,
  VoteRequest,
} from '../../../src/contracts/committee.js';
import type * as committee from '../../../src/contracts/committee.js';
export type CommitteePlanList = z.infer<typeof committee.committeePlanListSchema>;
export type CommitteePlanSummary = CommitteePlanList['items'][number];
export type { ErrorBody } from '../../../src/contracts/common.js';
export type { DashboardResponse } from '../../../src/contracts/dashboard.js';
export type {
  CompetencyTrend,
  Declaration,
  DeclarationInput,
  DeclarationSummary,
  DemandOverview,
  LinkedCompetencyDto,
  LinkTextResult,
  PostDemandProfile,
  PostGuess,
  PostingDetail,
  PostingImport,
  PostingSummary,
  TrendReport,
} from '../../../src/contracts/demand.js';
export type {
  CollegeSpecialtyDto,
  CollegeSpecialtyInput,
  CreateProposalRequest,
  MovePreviewDto,
  MoveRequest,
  PairExplanationDto,
  ProposalDetailDto,
  ProposalEventDto,
  ProposalStatus,
  ProposalSummaryDto,
  SpecialtyGroupDto,
} from '../../../src/contracts/groups.js';
export type { HealthResponse } from '../../../src/contracts/health.js';
export type {
  CreatedInvitation,
  CreateOrganisationRequest,
  Invitation,
  InvitationList,
  InviteMemberRequest,
  Member,
  MemberList,
  Organisation,
  OrganisationList,
} from '../../../src/contracts/organisations.js';
export type { Stats } from '../../../src/contracts/stats.js';
export type {
  CompetencyCreate,
  CompetencyDetail,
  CompetencyPatch,
  CompetencySummary,
  FrameworkDiffResponse,
  FrameworkVersion,
  ImportResult,
  PostDetail,
  PostSummary,
  RequirementsPut,
} from '../../../src/contracts/taxonomy.js';

import type { z } from 'zod';
import type { Membership, SessionResponse } from '../../../src/contracts/auth.js';
import type { Organisation } from '../../../src/contracts/organisations.js';
import type * as demand from '../../../src/contracts/demand.js';
import type * as groups from '../../../src/contracts/groups.js';
import type * as taxonomy from '../../../src/contracts/taxonomy.js';

export type Role = Membership['roles'][number];
export type OrganisationKind = Membership['organisationKind'];
export type EnterpriseType = NonNullable<Organisation['enterpriseType']>;
export type Locale = SessionResponse['person']['locale'];

// Taxonomy shapes the contract declares as schemas only.
export type CompetencyType = taxonomy.CompetencySummary['type'];
export type CompetencyDimension = NonNullable<taxonomy.CompetencySummary['dimension']>;
export type PostCategory = taxonomy.PostSummary['category'];
export type CompetencyChange = taxonomy.FrameworkDiffResponse['competencies']['items'][number]['changes'][number];
export type OccupationScheme = taxonomy.PostDetail['references'][number]['scheme'];
export type FrameworkSource = taxonomy.FrameworkVersion['source'];
export type CompetencyGroupsFilter = NonNullable<z.input<typeof taxonomy.competencyQuerySchema>['groups']>;
export type CompetencyPage = z.infer<typeof taxonomy.competencyPageSchema>;
export type FrameworkVersionList = z.infer<typeof taxonomy.frameworkVersionListSchema>;
export type PostList = z.infer<typeof taxonomy.postListSchema>;
export type EditRecord = z.infer<typeof taxonomy.editRecordSchema>;
export type EditList = z.infer<typeof taxonomy.editListSchema>;
export type CreateDraftRequest = z.input<typeof taxonomy.createDraftSchema>;
export type ReleaseVersionRequest = z.input<typeof taxonomy.releaseVersionSchema>;
export type ExportFormat = z.infer<typeof taxonomy.exportQuerySchema>['format'];
export type ImportQuery = z.input<typeof taxonomy.importQuerySchema>;
export type ImportFormat = ImportQuery['format'];
export type OccupationSummary = z.infer<typeof taxonomy.occupationSummarySchema>;
export type OccupationPage = z.infer<typeof taxonomy.occupationPageSchema>;
export type SpecialtySummary = z.infer<typeof taxonomy.specialtySummarySchema>;
export type SpecialtyPage = z.infer<typeof taxonomy.specialtyPageSchema>;
export type EducationLevel = SpecialtySummary['educationLevel'];
export type SpecialtyLevel = SpecialtySummary['level'];

// Demand shapes the contract declares as schemas only.
export type LinkMode = z.infer<typeof demand.linkModeSchema>;
export type LinkEvidence = z.infer<typeof demand.linkEvidenceSchema>;
export type LinkTextRequest = z.input<typeof demand.linkTextRequestSchema>;
export type PostingImportList = z.infer<typeof demand.postingImportListSchema>;
export type PostingImportStatus = z.infer<typeof demand.postingImportStatusSchema>;
export type PostingPage = z.infer<typeof demand.postingPageSchema>;
export type DemandCountRow = z.infer<typeof demand.countRowSchema>;
export type DeclarationList = z.infer<typeof demand.declarationListSchema>;
export type DeclarationImportResult = z.infer<typeof demand.declarationImportResultSchema>;

// Specialty-group shapes the contract declares as schemas only.
export type GroupingMethod = z.infer<typeof groups.groupingMethodSchema>;
export type ProposalEventKind = z.infer<typeof groups.proposalEventKindSchema>;
export type CollegeSpecialtyList = z.infer<typeof groups.collegeSpecialtyListSchema>;
export type SpecialtyPostSuggestion = z.infer<typeof groups.specialtyPostSuggestionSchema>;
export type SpecialtySuggestions = z.infer<typeof groups.specialtySuggestionsSchema>;
export type ProposalList = z.infer<typeof groups.proposalListSchema>;
export type CreateProposalInput = z.input<typeof groups.createProposalRequestSchema>;
export type CollegeSpecialtyPut = z.input<typeof groups.collegeSpecialtyInputSchema>;
export type MovePreviewRequest = Omit<groups.MoveRequest, 'reason'> & { reason?: string };
export type RenameGroupRequest = z.input<typeof groups.renameGroupRequestSchema>;
export type CommentRequest = z.input<typeof groups.commentRequestSchema>;
export type GroupPost = groups.SpecialtyGroupDto['posts'][number];
export type GroupSpecialty = groups.SpecialtyGroupDto['specialties'][number];
export type GroupSharedCompetency = groups.SpecialtyGroupDto['shared'][number];

export type {
  CollegeCourseDto,
  CourseDto,
  CourseSystemDetail,
  CoverageReportDto,
  MyPathway,
  PathwayNotice,
  PathwayNoticeList,
  PathwayRequest,
  PathwayResult,
  SavedPathway,
  TrainingPlanDto,
  TrainingPlanVersionDto,
} from '../../../src/contracts/course-systems.js';
import type * as courses from '../../../src/contracts/course-systems.js';
export type CourseSystemList = z.infer<typeof courses.courseSystemListSchema>;
export type CourseSystemSummary = CourseSystemList['items'][number];
export type CreateCourseSystemInput = z.input<typeof courses.createCourseSystemRequestSchema>;
export type ReplanInput = z.input<typeof courses.replanRequestSchema>;
export type SavePathwayRequest = z.input<typeof courses.savePathwayRequestSchema>;
export type PublicCourse = CourseSystemDetail['publicCourses'][number];
export type CourseListImportResult = z.infer<typeof courses.courseListImportResultSchema>;
export type TrainingPlanList = z.infer<typeof courses.trainingPlanListSchema>;
export type TrainingPlanSectionDto = TrainingPlanVersionDto['sections'][number];
export type PlanRuleResultDto = NonNullable<TrainingPlanVersionDto['rules']>[number];
import type { CourseSystemDetail, TrainingPlanVersionDto } from '../../../src/contracts/course-systems.js';

export type {
  CourseSystemDiffView,
  CreateRevisionBody,
  RevisionChangeView,
  RevisionProposalView,
  RevisionResult,
  RevisionStatus,
  RevisionSummary,
  RevisionView,
} from '../../../src/contracts/revisions-api.js';
import type * as revisions from '../../../src/contracts/revisions-api.js';
export type RevisionList = z.infer<typeof revisions.revisionListSchema>;
export type RevisionProposalKind = revisions.RevisionProposalView['kind'];
export type ProposalDecision = z.infer<typeof revisions.proposalDecisionSchema>;
export type DecideProposalInput = z.input<typeof revisions.decideProposalBodySchema>;
export type CommitteeRevisionList = revisions.CommitteeRevisionList;
export type CommitteeRevisionSummary = CommitteeRevisionList['items'][number];

export type {
  ClassView,
  CohortView,
  DepartmentNode,
  RosterApplyResult,
  RosterDiffEntry,
  RosterEntry,
  RosterImport,
  RosterImportDetail,
  RosterKind,
  RosterListQuery,
} from '../../../src/contracts/rosters.js';
import type * as rosters from '../../../src/contracts/rosters.js';
export type RosterEntryList = z.infer<typeof rosters.rosterEntryListSchema>;
export type RosterImportSection = z.infer<typeof rosters.rosterDiffSectionSchema>;
export type RosterImportSectionPage = z.infer<typeof rosters.rosterImportSectionSchema>;
export type ClassList = z.infer<typeof rosters.classListSchema>;
export type CohortList = z.infer<typeof rosters.cohortListSchema>;
export type DepartmentTree = z.infer<typeof rosters.departmentTreeSchema>;
export type CreateDepartmentInput = z.input<typeof rosters.createDepartmentRequestSchema>;
export type UpdateDepartmentInput = z.input<typeof rosters.updateDepartmentRequestSchema>;
export type RosterFileFormat = z.infer<typeof rosters.rosterTemplateQuerySchema>['format'];

export type { Account, IssuedCode, MyData, SessionEntry } from '../../../src/contracts/accounts.js';
import type * as accounts from '../../../src/contracts/accounts.js';
export type SessionList = z.infer<typeof accounts.sessionListSchema>;
export type EndedSessions = z.infer<typeof accounts.endedSessionsSchema>;

export type { IdentityProviderView, PutIdentityProviderRequest } from '../../../src/contracts/identity-providers.js';
import type * as identityProviders from '../../../src/contracts/identity-providers.js';
export type SsoProviderList = z.infer<typeof identityProviders.ssoProviderListSchema>;
export type SsoProvider = SsoProviderList['items'][number];
export type SsoTestStart = z.infer<typeof identityProviders.ssoTestStartSchema>;
export type PutIdentityProviderInput = z.input<typeof identityProviders.putIdentityProviderRequestSchema>;
