import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

export interface UrlFilters {
  page: number;
  pageSize: number;
  offset: number;
  /** A filter value from the URL, or undefined when absent or not one of `allowed`. */
  get: <Value extends string>(name: string, allowed?: readonly Value[]) => Value | undefined;
  /** Sets filters (undefined removes one) and goes back to page 1. */
  setFilters: (values: Record<string, string | undefined>) => void;
  setPage: (page: number, pageSize: number) => void;
}

/**
 * Paging and filters kept in the query string, so reload, back and shared links show the same list.
 */
export function useUrlFilters(): UrlFilters {
  const [searchParams, setSearchParams] = useSearchParams();
  const page = positiveInteger(searchParams.get('page'), 1);
  const requestedSize = positiveInteger(searchParams.get('pageSize'), DEFAULT_PAGE_SIZE);
  const pageSize = PAGE_SIZES.includes(requestedSize) ? requestedSize : DEFAULT_PAGE_SIZE;

  const get = useCallback(
    <Value extends string>(name: string, allowed?: readonly Value[]): Value | undefined => {
      const value = searchParams.get(name);
      if (value === null || value === '') return undefined;
      if (allowed && !(allowed as readonly string[]).includes(value)) return undefined;
      return value as Value;
    },
    [searchParams],
  );

  const setFilters = useCallback(
    (values: Record<string, string | undefined>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [name, value] of Object.entries(values)) {
          if (value === undefined || value === '') next.delete(name);
          else next.set(name, value);
        }
        next.delete('page');
        return next;
      });
    },
    [setSearchParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        if (nextPageSize !== DEFAULT_PAGE_SIZE) next.set('pageSize', String(nextPageSize));
        else next.delete('pageSize');
        return next;
      });
    },
    [setSearchParams],
  );

  return { page, pageSize, offset: (page - 1) * pageSize, get, setFilters, setPage };
}

/** antd Table pagination driven by the URL. */
export function tablePagination(filters: UrlFilters, total: number | undefined, totalLabel: (total: number) => string) {
  return {
    current: filters.page,
    pageSize: filters.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: totalLabel,
    onChange: filters.setPage,
  };
}

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : fallback;
}
