import { useContext } from 'react';
import { DemandContext, type DemandContextValue } from './demand-context.js';

/** What the person may do in the demand pages; only usable below DemandLayout. */
export function useDemand(): DemandContextValue {
  const value = useContext(DemandContext);
  if (!value) throw new Error('useDemand must be used below <DemandLayout>');
  return value;
}
