import type { DepartmentNode } from '../contracts/rosters.js';
import type { Actor } from '../core/access/actor.js';
import { DomainError } from '../core/errors/domain-error.js';
import { departmentCycle } from '../core/rosters/department-cycle.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { DepartmentRecord } from '../storage/repositories/roster.repository.js';
import type { ServiceContext } from './service-context.js';

/**
 * Departments (二级学院 of a college, 部门 of an enterprise): a tree inside one organisation, created by roster
 * imports or by hand, renamed and moved by its admins, deleted only when nothing is in it.
 */

async function requireOrganisation(repositories: Repositories, organisationId: string): Promise<void> {
  if (!(await repositories.organisations.findById(organisationId))) {
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No organisation has this id.', { organisationId });
  }
}

function tree(records: readonly DepartmentRecord[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>(
    records.map((record) => [record.id, { ...record, children: [] as DepartmentNode[] }]),
  );
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId !== null ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The organisation's departments as a tree, each with its classes and active people. */
export async function departmentTree(
  context: ServiceContext,
  organisationId: string,
): Promise<{ items: DepartmentNode[] }> {
  await requireOrganisation(context.store.repositories, organisationId);
  return { items: tree(await context.store.repositories.rosters.listDepartments(organisationId)) };
}

function requireDepartment(records: readonly DepartmentRecord[], departmentId: string | null, field: string) {
  if (departmentId === null) return null;
  const found = records.find((record) => record.id === departmentId);
  if (!found)
    throw new DomainError('DEPARTMENT_NOT_FOUND', 'No department with this id here.', { field, departmentId });
  return found;
}

function nameTaken(nameZh: string): DomainError<'VALIDATION_FAILED'> {
  return new DomainError('VALIDATION_FAILED', `A department is already named ${nameZh}.`, { field: 'nameZh' });
}

export async function createDepartment(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  request: { nameZh: string; nameEn: string; parentId: string | null },
): Promise<{ items: DepartmentNode[] }> {
  await requireOrganisation(context.store.repositories, organisationId);
  await context.store.transaction(async (repositories) => {
    await repositories.rosters.lock(organisationId);
    const records = await repositories.rosters.listDepartments(organisationId);
    requireDepartment(records, request.parentId, 'parentId');
    const id = await repositories.rosters.createDepartment(organisationId, request);
    if (id === '') throw nameTaken(request.nameZh);
    await repositories.auditEvents.record({
      occurredAt: context.clock(),
      action: 'department.created',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { departmentId: id, nameZh: request.nameZh, parentId: request.parentId },
    });
  });
  return departmentTree(context, organisationId);
}

/** Renames or moves a department; a move under itself or one of its own descendants is `DEPARTMENT_CYCLE`. */
export async function updateDepartment(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  departmentId: string,
  request: { nameZh?: string | undefined; nameEn?: string | undefined; parentId?: string | null | undefined },
): Promise<{ items: DepartmentNode[] }> {
  await context.store.transaction(async (repositories) => {
    await repositories.rosters.lock(organisationId);
    const records = await repositories.rosters.listDepartments(organisationId);
    requireDepartment(records, departmentId, 'departmentId');
    if (request.parentId !== undefined) {
      requireDepartment(records, request.parentId, 'parentId');
      const parents = new Map(records.map((record) => [record.id, record.parentId]));
      if (departmentCycle(parents, departmentId, request.parentId)) {
        throw new DomainError('DEPARTMENT_CYCLE', 'A department cannot sit inside itself or one of its own parts.', {
          field: 'parentId',
        });
      }
    }
    if (!(await repositories.rosters.updateDepartment(organisationId, departmentId, request))) {
      throw nameTaken(request.nameZh ?? '');
    }
    await repositories.auditEvents.record({
      occurredAt: context.clock(),
      action: 'department.updated',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { departmentId, ...request },
    });
  });
  return departmentTree(context, organisationId);
}

/** Deletes an empty department; one with sub-departments, classes or people is `DEPARTMENT_IN_USE`. */
export async function deleteDepartment(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  departmentId: string,
): Promise<void> {
  await context.store.transaction(async (repositories) => {
    await repositories.rosters.lock(organisationId);
    const records = await repositories.rosters.listDepartments(organisationId);
    const found = requireDepartment(records, departmentId, 'departmentId')!;
    const children = records.filter((record) => record.parentId === departmentId).length;
    if (children > 0 || found.classes > 0 || found.people > 0) {
      throw new DomainError(
        'DEPARTMENT_IN_USE',
        `${found.nameZh} still has ${children} departments, ${found.classes} classes and ${found.people} people.`,
        { departmentId, children, classes: found.classes, people: found.people },
      );
    }
    await repositories.rosters.deleteDepartment(organisationId, departmentId);
    await repositories.auditEvents.record({
      occurredAt: context.clock(),
      action: 'department.deleted',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { departmentId, nameZh: found.nameZh },
    });
  });
}
