import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';

const REFRESH_MS = 15_000;

/** How many open tasks an inbox holds; polled, so the menu's numbers move without a reload. */
export function useTaskCount(inbox: 'mine' | 'group'): number | undefined {
  const dataProvider = useDataProvider();
  const { data } = useQuery({
    queryKey: ['task-count', inbox],
    queryFn: async () =>
      (await dataProvider.getList('tasks', { filter: { inbox }, pagination: { page: 1, perPage: 1 }, sort: { field: 'dueAt', order: 'ASC' } })).total,
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
  return data ?? undefined;
}
