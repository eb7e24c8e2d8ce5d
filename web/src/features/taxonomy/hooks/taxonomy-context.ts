import { createContext } from 'react';
import type { FrameworkVersion } from '../../../api/contracts.js';

export interface TaxonomyContextValue {
  /** Every framework version, newest first within each framework. */
  versions: readonly FrameworkVersion[];
  /** The version the pages show: `?version=` in the URL, else the newest version of the Zerodock framework. */
  version: FrameworkVersion;
  selectVersion: (versionId: string) => void;
  /** Adopt a version a derive or release answered with, and reload the list. */
  versionChanged: (version: FrameworkVersion) => void;
  /** The person may edit drafts (a taxonomy editor role in any membership). */
  canEdit: boolean;
  /** The person may derive drafts and import files as drafts (the platform's editors). */
  canDerive: boolean;
  /** The person may release a draft (platform admins and the steering committee; never their own draft). */
  canRelease: boolean;
  /** The shown version is a draft and the person may edit it. */
  editable: boolean;
  /** A path inside the taxonomy area that keeps showing this version. */
  href: (path: string, version?: string) => string;
}

export const TaxonomyContext = createContext<TaxonomyContextValue | null>(null);
