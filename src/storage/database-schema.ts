import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. Keep in step with `migrations/`. */
export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  name_zh: string;
  name_en: string;
  province: string;
  city: string;
  enterprise_type: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string | null;
  login_id: string | null;
  must_change_password: Generated<boolean>;
  display_name: string;
  password_hash: string | null;
  locale: Generated<string>;
  is_demo: Generated<boolean>;
  password_changed_at: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  person_id: string;
  organisation_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface InvitationsTable {
  id: Generated<string>;
  organisation_id: string;
  email: string;
  display_name: string;
  roles: ColumnType<string[], string, string>;
  code_hash: string;
  status: string;
  invited_by: string | null;
  accepted_by: string | null;
  created_at: Date;
  expires_at: Date;
  decided_at: Date | null;
}

export interface SessionsTable {
  id: Generated<string>;
  token_hash: string;
  person_id: string;
  csrf_token: string;
  active_organisation_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
  /** How the session was opened: password, reset_code, cas, oidc (null for sessions older than migration 0016). */
  method: string | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Date;
  action: string;
  actor_person_id: string | null;
  actor_email: string | null;
  organisation_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export interface FrameworkVersionsTable {
  id: Generated<string>;
  framework_key: string;
  label: string;
  title_zh: string;
  title_en: string;
  source: string;
  release_notes: Generated<string>;
  released: Generated<boolean>;
  released_at: Date | null;
  derived_from: string | null;
  checksum: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProficiencyLevelsTable {
  version_id: string;
  level: number;
  name_zh: string;
  name_en: string;
  descriptor_zh: string;
  descriptor_en: string;
}

export interface CompetenciesTable {
  version_id: string;
  id: string;
  type: string;
  dimension: string | null;
  is_group: boolean;
  label_zh: string | null;
  label_en: string | null;
  aliases_zh: string[];
  aliases_en: string[];
  description_zh: string | null;
  description_en: string | null;
  esco_uri: string | null;
  onet_element_id: string | null;
  case_guid: string | null;
  x_standard_code: string | null;
  previous_ids: string[];
}

export interface CompetencyRelationsTable {
  version_id: string;
  from_id: string;
  to_id: string;
  kind: string;
}

export interface ReferenceOccupationsTable {
  version_id: string;
  id: string;
  scheme: string;
  code: string | null;
  uri: string | null;
  title_zh: string | null;
  title_en: string | null;
  aliases_zh: string[];
  aliases_en: string[];
  description: string | null;
  broader_id: string | null;
  isco_code: string | null;
  tasks: string[];
}

export interface OccupationCompetenciesTable {
  version_id: string;
  occupation_id: string;
  competency_id: string;
  relation: string;
  importance: number | null;
  level: number | null;
  hot: boolean;
}

export interface PostsTable {
  version_id: string;
  id: string;
  title_zh: string;
  title_en: string;
  aliases_zh: string[];
  aliases_en: string[];
  category: string;
  sub_sector_zh: string;
  sub_sector_en: string;
  description_zh: string;
  description_en: string;
  scenes: ColumnType<unknown, string, string>;
  refs: ColumnType<unknown, string, string>;
}

export interface PostRequirementsTable {
  version_id: string;
  post_id: string;
  competency_id: string;
  essential: boolean;
  weight: number;
  level: number;
}

export interface SpecialtiesTable {
  version_id: string;
  education_level: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  level: string;
  parent_code: string | null;
  controlled: boolean;
}

export interface TaxonomyEditsTable {
  id: Generated<string>;
  version_id: string;
  entity: string;
  entity_id: string;
  action: string;
  before: ColumnType<unknown, string | null, string | null>;
  after: ColumnType<unknown, string | null, string | null>;
  reason: string;
  person_id: string | null;
  occurred_at: Generated<Date>;
}

export interface PostingImportsTable {
  id: Generated<string>;
  file_name: string;
  checksum: string;
  link_mode: string;
  status: string;
  records: number;
  processed: Generated<number>;
  stored: Generated<number>;
  duplicates: Generated<number>;
  dictionary: string;
  created_by: string | null;
  created_at: Generated<Date>;
  finished_at: Date | null;
  organisation_id: string | null;
  /** Why a `failed` import failed (FILE:LINE:FIELD: reason). */
  failure: string | null;
  origin: Generated<string>;
  updated_at: Generated<Date>;
}

export interface PostingsTable {
  id: Generated<string>;
  import_id: string;
  source_id: string;
  title: string;
  body: string;
  enterprise: string;
  enterprise_key: string;
  province: string | null;
  city: string | null;
  posted_on: ColumnType<string, string, string>;
  year: number;
  post_id: string | null;
  post_confidence: number | null;
  fingerprint_hi: number;
  fingerprint_lo: number;
  links: ColumnType<unknown, string, string>;
  search_tokens: Generated<string>;
}

export interface DemandCountsTable {
  import_id: string;
  competency_key: string;
  post_id: string;
  province: string;
  year: number;
  postings: number;
}

export interface DemandEnterprisesTable {
  import_id: string;
  post_id: string;
  province: string;
  year: number;
  enterprise_key: string;
}

export interface DemandDeclarationsTable {
  id: Generated<string>;
  organisation_id: string;
  post_id: string;
  headcount: number;
  year: number;
  province: string | null;
  city: string | null;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface CollegeSpecialtiesTable {
  organisation_id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  posts: string[];
  enrolment: number | null;
  employment_rate: number | null;
  employer_rating: number | null;
  updated_at: Date;
  updated_by: string | null;
}

export interface GroupProposalsTable {
  id: Generated<string>;
  organisation_id: string;
  title_zh: string;
  title_en: string;
  version_id: string;
  method: string;
  scope: string;
  k: number;
  automatic: boolean;
  status: Generated<string>;
  posts: ColumnType<unknown, string, string>;
  demand_postings: Generated<number>;
  proposed_assignment: ColumnType<unknown, string, string>;
  assignment: ColumnType<unknown, string, string>;
  specialty_overrides: ColumnType<unknown, string | undefined, string>;
  group_names: ColumnType<unknown, string | undefined, string>;
  last_group: number;
  candidates: ColumnType<unknown, string | undefined, string>;
  specialties: ColumnType<unknown, string | null | undefined, string | null>;
  proposed_quality: number;
  quality: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  decided_at: Date | null;
  committee_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface GroupProposalEventsTable {
  id: Generated<string>;
  seq: Generated<number>;
  proposal_id: string;
  kind: string;
  actor_person_id: string | null;
  actor_name: string;
  actor_organisation: string | null;
  reason: string;
  item: string | null;
  from_group: string | null;
  to_group: string | null;
  quality_before: number | null;
  quality_after: number | null;
  created_at: Date;
}

type Json = ColumnType<unknown, string, string>;
type JsonDefault = ColumnType<unknown, string | undefined, string>;

export interface CourseSystemsTable {
  id: Generated<string>;
  organisation_id: string;
  proposal_id: string | null;
  proposal_status: string;
  group_id: string;
  title_zh: string;
  title_en: string;
  version_id: string;
  semesters: number;
  max_credits: number;
  max_hours: number | null;
  practical: JsonDefault;
  posts: Json;
  specialties: JsonDefault;
  system: Json;
  public_courses: JsonDefault;
  plan: Json;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  /** The version a yearly revision revised into this one, and that revision (0015). */
  previous_id: ColumnType<string | null, string | null | undefined, string | null>;
  revision_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CourseTitleOverridesTable {
  course_system_id: string;
  course_key: string;
  title_zh: string;
  title_en: string;
  renamed_by: string | null;
  renamed_at: Date;
}

export interface CollegeCoursesTable {
  organisation_id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  credits: number;
  hours: number;
  description: string;
  type: string;
  source_file: string;
  source_line: number;
  imported_at: Date;
  imported_by: string | null;
}

export interface CollegeCourseLinksTable {
  organisation_id: string;
  course_code: string;
  competency_id: string;
  score: number;
  evidence: string;
  spans: JsonDefault;
  status: Generated<string>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface TrainingPlansTable {
  id: Generated<string>;
  organisation_id: string;
  course_system_id: string;
  specialty_code: string | null;
  title_zh: string;
  created_by: string | null;
  created_at: Date;
}

export interface TrainingPlanVersionsTable {
  id: Generated<string>;
  plan_id: string;
  number: number;
  status: Generated<string>;
  sections: Json;
  note: Generated<string>;
  created_by: string | null;
  created_at: Date;
  updated_by: string | null;
  updated_at: Date;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  /** TrainingPlanFigures; null for versions drafted before migration 0012. */
  figures: Json | null;
  committee_id: ColumnType<string | null, string | null | undefined, string | null>;
  submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  review_round: Generated<number>;
}

export interface CommitteeRulesTable {
  organisation_id: string;
  quorum: number | null;
  majority: string;
  updated_at: Date;
  updated_by: string | null;
}

export interface CommitteeVotesTable {
  id: Generated<string>;
  seq: Generated<number>;
  committee_id: string;
  matter_kind: string;
  matter_id: string;
  round: number;
  voter_person_id: string | null;
  voter_name: string;
  choice: string;
  comment: string;
  cast_at: Date;
}

export interface RevisionsTable {
  id: Generated<string>;
  organisation_id: string;
  course_system_id: string;
  proposal_id: string | null;
  group_key: string;
  group_name_zh: string;
  group_name_en: string;
  before_year: number;
  after_year: number;
  status: ColumnType<string, string | undefined, string>;
  tested: number;
  postings_before: number;
  postings_after: number;
  changes: Json;
  proposals: Json;
  created_by: string | null;
  created_by_name: string;
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  submitted_at: Date | null;
  committee_id: string | null;
  decided_at: Date | null;
  /** What applying the approved revision produced (0015). */
  result_course_system_id: ColumnType<string | null, string | null | undefined, string | null>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  declared: ColumnType<unknown, string | undefined, string>;
  applied_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  applied_by: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RevisionDecisionsTable {
  revision_id: string;
  rank: number;
  decision: string;
  comment: string;
  amended_weight: number | null;
  decided_by: string | null;
  decided_by_name: string;
  decided_at: Date;
}

export interface DepartmentsTable {
  id: Generated<string>;
  organisation_id: string;
  parent_id: string | null;
  name_zh: string;
  name_en: Generated<string>;
  created_at: Generated<Date>;
}

export interface ClassesTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  specialty_code: string;
  specialty_name: string;
  cohort_year: number;
  duration_years: number;
  department_id: string | null;
  created_at: Generated<Date>;
}

export interface RosterEntriesTable {
  organisation_id: string;
  external_id: string;
  kind: 'student' | 'teacher' | 'engineer';
  person_id: string;
  name: string;
  gender: 'male' | 'female' | null;
  class_id: string | null;
  department_id: string | null;
  title: string | null;
  double_qualified: boolean | null;
  phone: string | null;
  email: string | null;
  status: Generated<'active' | 'left'>;
  left_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RosterImportsTable {
  id: Generated<string>;
  organisation_id: string;
  kind: 'student' | 'teacher' | 'engineer';
  file_name: string;
  status: 'previewed' | 'applied' | 'discarded';
  diff: unknown;
  rows: unknown;
  created_by: string | null;
  created_at: Date;
  applied_at: Date | null;
}

export interface PasswordResetsTable {
  code_hash: string;
  person_id: string;
  issued_by: string | null;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface IdentityProvidersTable {
  organisation_id: string;
  protocol: 'cas' | 'oidc';
  display_name: string;
  config: unknown;
  match_by: 'login_id' | 'email';
  enabled: Generated<boolean>;
  updated_by: string | null;
  updated_at: Date;
}

export interface SsoAttemptsTable {
  state: string;
  organisation_id: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  test_only: Generated<boolean>;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

export interface SsoUsedTicketsTable {
  ticket_hash: string;
  organisation_id: string;
  used_at: Date;
}

export interface StudentPathwaysTable {
  person_id: string;
  organisation_id: string;
  course_system_id: string;
  post_id: string;
  chosen: Json;
  have: Json;
  notice: Json | null;
  carried_from: string | null;
  saved_at: Date;
}

export interface Database {
  organisations: OrganisationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
  framework_versions: FrameworkVersionsTable;
  proficiency_levels: ProficiencyLevelsTable;
  competencies: CompetenciesTable;
  competency_relations: CompetencyRelationsTable;
  reference_occupations: ReferenceOccupationsTable;
  occupation_competencies: OccupationCompetenciesTable;
  posts: PostsTable;
  post_requirements: PostRequirementsTable;
  specialties: SpecialtiesTable;
  taxonomy_edits: TaxonomyEditsTable;
  posting_imports: PostingImportsTable;
  postings: PostingsTable;
  demand_counts: DemandCountsTable;
  demand_enterprises: DemandEnterprisesTable;
  demand_declarations: DemandDeclarationsTable;
  college_specialties: CollegeSpecialtiesTable;
  group_proposals: GroupProposalsTable;
  group_proposal_events: GroupProposalEventsTable;
  course_systems: CourseSystemsTable;
  course_title_overrides: CourseTitleOverridesTable;
  college_courses: CollegeCoursesTable;
  college_course_links: CollegeCourseLinksTable;
  training_plans: TrainingPlansTable;
  training_plan_versions: TrainingPlanVersionsTable;
  committee_rules: CommitteeRulesTable;
  committee_votes: CommitteeVotesTable;
  revisions: RevisionsTable;
  revision_decisions: RevisionDecisionsTable;
  departments: DepartmentsTable;
  classes: ClassesTable;
  roster_entries: RosterEntriesTable;
  roster_imports: RosterImportsTable;
  password_resets: PasswordResetsTable;
  identity_providers: IdentityProvidersTable;
  sso_attempts: SsoAttemptsTable;
  sso_used_tickets: SsoUsedTicketsTable;
  student_pathways: StudentPathwaysTable;
}
