import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];

/** Which page of a server-paged list is shown, and how to show another. */
export interface Paging {
  page: number;
  pageSize: number;
  /** The first row of the page, as the API's `offset`. */
  offset: number;
  setPage: (page: number, pageSize: number) => void;
}

export interface UrlFilters extends Paging {
  /** A filter value from the URL, or undefined when absent or not one of `allowed`. */
  get: <Value extends string>(name: string, allowed?: readonly Value[]) => Value | undefined;
  /** Sets filters (undefined removes one) and goes back to page 1. */
  setFilters: (values: Record<string, string | undefined>) => void;
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

/** Paging kept in the component (a list inside a page, whose state need not survive a reload). */
export function useLocalPaging(initialPageSize = DEFAULT_PAGE_SIZE): Paging & { toFirstPage: () => void } {
  const [paging, setPaging] = useState({ page: 1, pageSize: initialPageSize });
  const setPage = useCallback((page: number, pageSize: number) => setPaging({ page, pageSize }), []);
  const toFirstPage = useCallback(() => setPaging((previous) => ({ ...previous, page: 1 })), []);
  return { ...paging, offset: (paging.page - 1) * paging.pageSize, setPage, toFirstPage };
}

/** antd Table pagination driven by `paging` (the URL's or the component's). */
export function tablePagination(paging: Paging, total: number | undefined, totalLabel: (total: number) => string) {
  return {
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: totalLabel,
    onChange: paging.setPage,
  };
}

function positiveInteger(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? parsed : fallback;
}
