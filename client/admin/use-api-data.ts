import { useCallback, useEffect, useState } from "react";
import { api } from "./admin-api";

export type ApiData<T> =
  | { state: "loading" }
  | { state: "error"; problem: unknown }
  | { state: "ready"; data: T };

/** GETs an admin API path and keeps the answer; `reload` asks again (e.g. after a change). */
export function useApiData<T>(path: string | null): [ApiData<T>, () => Promise<void>] {
  const [data, setData] = useState<ApiData<T>>({ state: "loading" });
  const reload = useCallback(async () => {
    if (path === null) return;
    try {
      const answer = await api<T>("GET", path);
      setData({ state: "ready", data: answer });
    } catch (problem) {
      setData({ state: "error", problem });
    }
  }, [path]);
  useEffect(() => {
    setData({ state: "loading" });
    void reload();
  }, [reload]);
  return [data, reload];
}

/** A "Refresh" button's state: `refreshing` while `reload` runs. */
export function useRefresh(reload: () => Promise<void>): [boolean, () => Promise<void>] {
  const [refreshing, setRefreshing] = useState(false);
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      await reload();
    } finally {
      setRefreshing(false);
    }
  }, [reload]);
  return [refreshing, refresh];
}
