import { createContext } from 'react';

export interface DemandContextValue {
  /** The person may import postings and delete imports (a demand importer role in any membership). */
  canImport: boolean;
}

export const DemandContext = createContext<DemandContextValue | null>(null);
