// The one way pages load data: loading / empty / error / retry / pull-to-refresh, and answers that arrive
// after a newer request (a slow old search, a reload racing a refresh) are dropped, never shown.
import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../shared/schemas/common';
import { messageOf, toastError } from '../services/request';

export interface QueryOptions {
  /** false: don't fetch (e.g. a required parameter is missing, or the person must log in first). */
  enabled?: boolean;
  /** Fetch again whenever the page is shown again (tab pages whose data changes elsewhere). */
  refetchOnShow?: boolean;
}

export interface Query<T> {
  data: T | undefined;
  /** The error of the last load when there is nothing to show (a failed refresh keeps the data and toasts). */
  error: string | null;
  /** The first load, nothing to show yet. */
  loading: boolean;
  /** A reload while the previous data stays on screen. */
  refreshing: boolean;
  reload: () => Promise<void>;
  /** Replace the data after a write (e.g. the saved record), cancelling any load in flight. */
  setData: (data: T) => void;
}

/** Runs `fetcher` when `deps` change; the newest request always wins. */
export function useQuery<T>(fetcher: () => Promise<T>, deps: DependencyList, opts: QueryOptions = {}): Query<T> {
  const enabled = opts.enabled ?? true;
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(enabled);
  const seq = useRef(0);
  const hasData = useRef(false);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(async () => {
    const mine = ++seq.current;
    setBusy(true);
    try {
      const result = await fetcherRef.current();
      if (mine !== seq.current) return; // a newer request was made: this answer is stale
      hasData.current = true;
      setDataState(result);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      if (hasData.current) toastError(e);
      else setError(messageOf(e));
    } finally {
      if (mine === seq.current) setBusy(false);
    }
  }, []);

  useEffect(() => {
    if (!enabled) {
      seq.current += 1;
      setBusy(false);
      return;
    }
    // new parameters: what was shown belongs to the old ones
    hasData.current = false;
    setDataState(undefined);
    setError(null);
    void run();
    return () => {
      seq.current += 1; // unmounted or re-run: drop whatever is still in flight
    };
    // the caller's deps decide when to fetch (the fetcher itself is read through a ref)
  }, [enabled, ...deps]);

  const shown = useRef(false);
  useDidShow(() => {
    // the first show is the mount above; later shows refetch only when asked
    if (shown.current && opts.refetchOnShow && enabled) void run();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    const done = () => void Taro.stopPullDownRefresh();
    if (!enabled) return done();
    void run().finally(done);
  });

  const setData = useCallback((d: T) => {
    seq.current += 1;
    hasData.current = true;
    setDataState(d);
    setError(null);
    setBusy(false);
  }, []);

  return {
    data,
    error: data === undefined ? error : null,
    loading: busy && data === undefined,
    refreshing: busy && data !== undefined,
    reload: run,
    setData,
  };
}

export interface PagedQuery<T> extends Omit<Query<T[]>, 'setData'> {
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
}

/**
 * A paged list (`{items, total, page, pageSize}`): the first page on `deps` change, the next on
 * `loadMore()` or reaching the bottom. A page that arrives after the parameters changed is dropped.
 */
export function usePagedQuery<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  deps: DependencyList,
  opts: QueryOptions = {},
): PagedQuery<T> {
  const [extra, setExtra] = useState<{ items: T[]; page: number; total: number | null; forSeq: number }>({
    items: [],
    page: 1,
    total: null,
    forSeq: 0,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const first = useQuery(
    async () => {
      generation.current += 1;
      return fetchRef.current(1);
    },
    deps,
    opts,
  );
  // more pages belong to the first page they were loaded after
  const firstItems = first.data?.items ?? [];
  const same = extra.forSeq === generation.current;
  const items = same ? [...firstItems, ...extra.items] : firstItems;
  const total = same && extra.total !== null ? extra.total : (first.data?.total ?? 0);
  const page = same ? extra.page : 1;
  const hasMore = first.data !== undefined && items.length < total;

  const loadMore = useCallback(async () => {
    if (!hasMore || loadingMore) return;
    const gen = generation.current;
    setLoadingMore(true);
    try {
      const res = await fetchRef.current(page + 1);
      if (gen !== generation.current) return; // the list was reloaded or re-searched meanwhile
      setExtra((prev) => ({
        items: prev.forSeq === gen ? [...prev.items, ...res.items] : res.items,
        page: page + 1,
        total: res.total,
        forSeq: gen,
      }));
    } catch (e) {
      if (gen === generation.current) toastError(e);
    } finally {
      setLoadingMore(false);
    }
  }, [hasMore, loadingMore, page]);

  useReachBottom(() => {
    void loadMore();
  });

  return {
    data: first.data ? items : undefined,
    error: first.error,
    loading: first.loading,
    refreshing: first.refreshing,
    reload: first.reload,
    total,
    hasMore,
    loadingMore,
    loadMore,
  };
}
