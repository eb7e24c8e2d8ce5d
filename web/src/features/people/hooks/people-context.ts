import { createContext, useContext } from 'react';
import type { OrganisationKind, RosterKind } from '../../../api/contracts.js';

export interface PeopleContextValue {
  organisationId: string;
  organisationKind: OrganisationKind;
  /** The rosters this organisation keeps (a college: students, teachers; an enterprise: engineers). */
  kinds: readonly RosterKind[];
  /** Imports rosters (preview, apply, discard). */
  canImport: boolean;
  /** Exports the roster (personal data, audited). */
  canExport: boolean;
  /** Opens a person's account page (admins). */
  canOpenAccount: boolean;
  /** Adds, renames and moves, deletes departments (each its own route). */
  canAddDepartment: boolean;
  canEditDepartments: boolean;
  canDeleteDepartment: boolean;
  /** Downloads the import template. */
  canDownloadTemplate: boolean;
  /** Applies or discards a previewed import. */
  canApplyImport: boolean;
  canDiscardImport: boolean;
  canDownloadCodes: boolean;
}

export const PeopleContext = createContext<PeopleContextValue | null>(null);

/** The active organisation's people pages: only below PeopleLayout. */
export function usePeople(): PeopleContextValue {
  const value = useContext(PeopleContext);
  if (!value) throw new Error('usePeople must be used below <PeopleLayout>');
  return value;
}
