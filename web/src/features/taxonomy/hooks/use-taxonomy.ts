import { useContext } from 'react';
import { TaxonomyContext, type TaxonomyContextValue } from './taxonomy-context.js';

/** The version shown and what the person may do with it; only usable below TaxonomyLayout. */
export function useTaxonomy(): TaxonomyContextValue {
  const value = useContext(TaxonomyContext);
  if (!value) throw new Error('useTaxonomy must be used below <TaxonomyLayout>');
  return value;
}
