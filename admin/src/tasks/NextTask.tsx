import { useEffect } from 'react';
import { Button, useDataProvider, useNotify, useRedirect } from 'react-admin';
import type { Task } from './taskApi';

// Alt+N: free in Chromium and Firefox on every system (Ctrl+N opens a window), and no letter a text
// field would need, so it works while the cursor is in the form.
const SHORTCUT = 'Alt+N';
const isShortcut = (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN';

/** The task after this one in the person's own inbox (by due date, as the inbox lists them), else its first. */
function useGoToNextTask(current: Task) {
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  const notify = useNotify();
  return async () => {
    const { data } = await dataProvider.getList<Task>('tasks', {
      filter: { inbox: 'mine' },
      sort: { field: 'dueAt', order: 'ASC' },
      pagination: { page: 1, perPage: 100 },
    });
    const at = data.findIndex((t) => t.id === current.id);
    const next = data.slice(at + 1).find((t) => t.id !== current.id) ?? data.find((t) => t.id !== current.id);
    if (next) redirect(`/tasks/${encodeURIComponent(next.id)}/show`);
    else notify('app.task.no_next', { type: 'info' });
  };
}

/** "Nächste Aufgabe" (Alt+N): through one's inbox without going back to it. */
export function NextTaskButton({ task }: { task: Task }) {
  const goToNext = useGoToNextTask(task);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcut(e)) return;
      e.preventDefault();
      void goToNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return <Button label="app.task.next" aria-keyshortcuts={SHORTCUT} title={SHORTCUT} onClick={() => void goToNext()} />;
}

/**
 * Ctrl+Enter (⌘+Enter) submits the form from a multi-line field too, where Enter starts a new line;
 * in a one-line field Enter submits anyway, as in every form.
 */
export function submitOnCtrlEnter(e: React.KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
  const form = (e.target as HTMLElement).closest('form');
  if (!form) return;
  e.preventDefault();
  form.requestSubmit();
}
