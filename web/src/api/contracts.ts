/**
 * The web app's window onto the server contracts: types only, so zod never reaches the bundle.
 * Relative paths because the root tsconfig has no `paths` entry for the `@contracts` alias.
 */
export type { AuditAction, AuditEvent, AuditEventList } from '../../../src/contracts/audit.js';
export type {
  DemoAccountsResponse,
  LoginRequest,
  Membership,
  SessionResponse,
  ChangePasswordRequest,
} from '../../../src/contracts/auth.js';
export type { ErrorBody } from '../../../src/contracts/common.js';
export type { DashboardResponse } from '../../../src/contracts/dashboard.js';
export type { HealthResponse } from '../../../src/contracts/health.js';
export type {
  AddMemberRequest,
  CreateOrganisationRequest,
  Member,
  MemberList,
  Organisation,
  OrganisationList,
} from '../../../src/contracts/organisations.js';
export type { Stats } from '../../../src/contracts/stats.js';

import type { Membership, SessionResponse } from '../../../src/contracts/auth.js';
import type { Organisation } from '../../../src/contracts/organisations.js';

export type Role = Membership['roles'][number];
export type OrganisationKind = Membership['organisationKind'];
export type EnterpriseType = NonNullable<Organisation['enterpriseType']>;
export type Locale = SessionResponse['person']['locale'];
