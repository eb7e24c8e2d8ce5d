import { createHash, randomBytes } from 'node:crypto';
import type { Account, IssuedCode } from '../contracts/accounts.js';
import type { Actor } from '../core/access/actor.js';
import {
  decideAccountAction,
  formatOneTimeCode,
  normaliseOneTimeCode,
  ONE_TIME_CODE_BYTES,
  ONE_TIME_CODE_LIFETIME_MS,
  type AccountAction,
} from '../core/access/one-time-code.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { AuditAction } from '../contracts/audit.js';
import {
  writeActivationCodes,
  type ActivationCodeFormat,
  type ActivationCodeRow,
} from '../interchange/accounts/write-activation-codes.js';
import type { AccountRecord } from '../storage/repositories/account.repository.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { ServiceContext } from './service-context.js';

/**
 * The stored form of a one-time code: SHA-256 over the person's id and the code as normalised, so one code hashes
 * differently for two people (a stolen table cannot be tried against everyone at once) and typing it in lower case
 * or without the dash still matches.
 */
export function hashOneTimeCode(personId: string, code: string): string {
  return createHash('sha256')
    .update(`${personId}:${normaliseOneTimeCode(code)}`)
    .digest('hex');
}

/** Codes written per statement when a class's sheet is issued. */
const CODE_CHUNK = 500;

/** A fresh code: 50 random bits (see `formatOneTimeCode`). */
export function newOneTimeCode(): string {
  return formatOneTimeCode(randomBytes(ONE_TIME_CODE_BYTES));
}

/** An account of the organisation, as its admins manage it (404 for a person who is not of this organisation). */
export async function readAccount(context: ServiceContext, organisationId: string, personId: string): Promise<Account> {
  return presentAccount(await requireAccount(context.store.repositories, organisationId, personId, context.clock()));
}

/** Disables the person's account (they can no longer sign in anywhere); every session of theirs ends at once. */
export async function disableAccount(context: ServiceContext, actor: Actor, organisationId: string, personId: string) {
  return changeAccount(context, actor, organisationId, personId, 'disable', async (transaction, account, now) => {
    if (account.disabled) return null;
    await transaction.accounts.setDisabled(personId, now);
    const ended = await transaction.sessions.deleteForPerson(personId);
    return { action: 'account.disabled', details: { sessionsEnded: ended } };
  });
}

export async function enableAccount(context: ServiceContext, actor: Actor, organisationId: string, personId: string) {
  return changeAccount(context, actor, organisationId, personId, 'enable', async (transaction, account) => {
    if (!account.disabled) return null;
    await transaction.accounts.setDisabled(personId, null);
    return { action: 'account.enabled', details: {} };
  });
}

/**
 * Marks the person as having left the organisation (graduated, left the company): their roster entry says so and
 * they become read-only there (alumni), every record kept. A person without a roster entry here is refused
 * (NOT_ON_ROSTER): leaving is what the roster records; a member who was never on it is removed instead.
 */
export async function markLeft(context: ServiceContext, actor: Actor, organisationId: string, personId: string) {
  return changeAccount(context, actor, organisationId, personId, 'leave', async (transaction, account, now) => {
    requireOnRoster(account);
    if (account.left) return null;
    await transaction.accounts.setLeft(organisationId, personId, now, now);
    return { action: 'account.left', details: {} };
  });
}

/** The person is back (a student resuming, an engineer rehired): their roster entry is active again. */
export async function markReturned(context: ServiceContext, actor: Actor, organisationId: string, personId: string) {
  return changeAccount(context, actor, organisationId, personId, 'return', async (transaction, account, now) => {
    requireOnRoster(account);
    if (!account.left) return null;
    await transaction.accounts.setLeft(organisationId, personId, null, now);
    return { action: 'account.returned', details: {} };
  });
}

/** Signs the person out everywhere; returns how many sessions ended. */
export async function endAccountSessions(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
): Promise<number> {
  let ended = 0;
  await changeAccount(context, actor, organisationId, personId, 'end_sessions', async (transaction) => {
    ended = await transaction.sessions.deleteForPerson(personId);
    return { action: 'sessions.ended', details: { ended } };
  });
  return ended;
}

/**
 * Issues a one-time reset code (72 hours, a newer one voids it). It is e-mailed when a mail transport is configured
 * and the person has an e-mail; otherwise — or when sending fails — it is shown once, in this answer, to the admin.
 * Redeeming it sets a new password chosen by the person (POST /api/auth/redeem-code).
 */
export async function issueResetCode(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
): Promise<IssuedCode> {
  const code = newOneTimeCode();
  const now = context.clock();
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_LIFETIME_MS);
  const account = await requireAccount(context.store.repositories, organisationId, personId, now);
  await assertActionAllowed(context, actor, organisationId, account, 'reset_code');
  let delivered: IssuedCode['delivered'] = 'shown';
  let mailError: string | null = null;
  await context.store.transaction(async (transaction) => {
    await transaction.passwordResets.issue({
      codeHash: hashOneTimeCode(personId, code),
      personId,
      issuedBy: actor.personId,
      now,
      expiresAt,
    });
  });
  if (context.mail && account.email) {
    try {
      await context.mail.send({
        to: account.email,
        subject: 'Zerodock 密码重置码 / password reset code',
        text: resetMailText(account, code, expiresAt),
      });
      delivered = 'email';
    } catch (error) {
      mailError = error instanceof Error ? error.message.slice(0, 200) : 'send failed';
    }
  }
  await context.store.repositories.auditEvents.record({
    occurredAt: now,
    action: 'reset_code.issued',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    organisationId,
    details: { personId, delivered, expiresAt: expiresAt.toISOString(), ...(mailError ? { mailError } : {}) },
  });
  return {
    personId,
    loginId: account.loginId,
    email: account.email,
    displayName: account.displayName,
    code: delivered === 'shown' ? code : null,
    delivered,
    expiresAt: expiresAt.toISOString(),
  };
}

/**
 * Activation codes for the students of a class (in this organisation, still on the roster, not disabled; by default
 * only those without a password yet), as a sheet to print and hand out: 学号, 姓名, 班级, code, expiry. Each code
 * voids the student's earlier ones. Students who belong to other organisations too are left out for an
 * organisation admin (a code signs in as them everywhere); the answer counts them. The export is audited.
 */
export async function exportActivationCodes(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  classId: string,
  request: { onlyWithoutPassword: boolean; format: ActivationCodeFormat },
): Promise<{ file: Buffer; fileName: string; contentType: string; count: number; skippedShared: number }> {
  const { repositories } = context.store;
  const found = await repositories.accounts.findClass(organisationId, classId);
  if (!found) throw new DomainError('CLASS_NOT_FOUND', 'No class with this id in this organisation', { classId });
  const now = context.clock();
  const expiresAt = new Date(now.getTime() + ONE_TIME_CODE_LIFETIME_MS);
  const students = (await repositories.accounts.listClassStudents(organisationId, classId)).filter(
    (student) => !request.onlyWithoutPassword || !student.hasPassword,
  );
  const allowed = students.filter((student) => decideAccountAction(actor, student, 'reset_code') === null);
  const rows: ActivationCodeRow[] = allowed.map((student) => ({
    loginId: student.externalId,
    name: student.name,
    className: found.name,
    code: newOneTimeCode(),
    expiresAt,
  }));
  await context.store.transaction(async (transaction) => {
    // A class is a few dozen students; a whole cohort's sheet a few thousand: chunks keep each statement bounded.
    for (let start = 0; start < allowed.length; start += CODE_CHUNK) {
      const chunk = allowed.slice(start, start + CODE_CHUNK).map((student, offset) => ({
        personId: student.personId,
        codeHash: hashOneTimeCode(student.personId, rows[start + offset]?.code ?? ''),
      }));
      await transaction.passwordResets.issueMany(chunk, actor.personId, now, expiresAt);
    }
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'activation_codes.exported',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: {
        classId,
        className: found.name,
        count: rows.length,
        skippedShared: students.length - allowed.length,
        onlyWithoutPassword: request.onlyWithoutPassword,
        format: request.format,
      },
    });
  });
  const file = await writeActivationCodes(rows, request.format);
  return {
    file,
    fileName: `activation-codes.${request.format}`,
    contentType:
      request.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    count: rows.length,
    skippedShared: students.length - allowed.length,
  };
}

type AccountChange = (
  transaction: Repositories,
  account: AccountRecord,
  now: Date,
) => Promise<{ action: AuditAction; details: Record<string, unknown> } | null>;

/**
 * One lifecycle action: the account must be of this organisation (404 otherwise), the actor may act on it (never
 * on themselves; disabling only people of theirs alone), then the change and its audit event in one transaction.
 * A change that is already in place (disabling a disabled account) changes nothing and records nothing.
 */
async function changeAccount(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  personId: string,
  action: AccountAction,
  change: AccountChange,
): Promise<Account> {
  const { repositories } = context.store;
  const before = await requireAccount(repositories, organisationId, personId, context.clock());
  await assertActionAllowed(context, actor, organisationId, before, action);
  await context.store.transaction(async (transaction) => {
    const now = context.clock();
    const account = await requireAccount(transaction, organisationId, personId, now);
    const done = await change(transaction, account, now);
    if (!done) return;
    await transaction.auditEvents.record({
      occurredAt: now,
      action: done.action,
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { personId, ...done.details },
    });
  });
  return readAccount(context, organisationId, personId);
}

async function requireAccount(
  repositories: Repositories,
  organisationId: string,
  personId: string,
  now: Date,
): Promise<AccountRecord> {
  const account = await repositories.accounts.findInOrganisation(organisationId, personId, now);
  if (!account) throw new DomainError('PERSON_NOT_FOUND', 'No such person in this organisation', { personId });
  return account;
}

function requireOnRoster(account: AccountRecord): void {
  if (!account.onRoster) {
    throw new DomainError('NOT_ON_ROSTER', 'This person is not on the roster here; remove them as a member instead', {
      personId: account.personId,
    });
  }
}

/** Refuses (and records the refusal) an action the actor may not take on this account. */
async function assertActionAllowed(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  account: AccountRecord,
  action: AccountAction,
): Promise<void> {
  const refusal = decideAccountAction(actor, account, action);
  if (!refusal) return;
  await context.store.repositories.auditEvents.record({
    occurredAt: context.clock(),
    action: 'access.denied',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    organisationId,
    details: { refused: refusal, action, personId: account.personId },
  });
  if (refusal === 'SELF') {
    throw new DomainError('CANNOT_REMOVE_SELF', 'Act on your own account from your own pages', {
      field: 'personId',
      action,
    });
  }
  throw new DomainError('ACCOUNT_SHARED', 'This person belongs to other organisations too', {
    personId: account.personId,
    detail: String(account.otherOrganisations),
  });
}

function presentAccount(account: AccountRecord): Account {
  return {
    personId: account.personId,
    displayName: account.displayName,
    email: account.email,
    loginId: account.loginId,
    disabled: account.disabled,
    mustChangePassword: account.mustChangePassword,
    hasPassword: account.hasPassword,
    left: account.left,
    otherOrganisations: account.otherOrganisations,
    activeSessions: account.activeSessions,
    lastSignInAt: account.lastSignInAt,
  };
}

function resetMailText(account: AccountRecord, code: string, expiresAt: Date): string {
  const name = account.loginId ?? account.email ?? '';
  return [
    `${account.displayName}，您好：`,
    '',
    `管理员为您的 Zerodock 账号（${name}）生成了一次性重置码：${code}`,
    `请在 ${expiresAt.toISOString()} 之前打开登录页的“使用重置码”，输入账号、重置码和新密码。`,
    '重置码只能使用一次；如非本人申请，请忽略本邮件并联系管理员。',
    '',
    `Hello ${account.displayName},`,
    '',
    `An administrator issued a one-time reset code for your Zerodock account (${name}): ${code}`,
    `Before ${expiresAt.toISOString()}, choose "Use a reset code" on the sign-in page and enter your account, the code and a new password.`,
    'The code works once. If you did not expect it, ignore this mail and tell your administrator.',
  ].join('\n');
}
