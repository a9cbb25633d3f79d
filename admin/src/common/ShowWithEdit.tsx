import type { ReactNode } from 'react';
import { EditButton, Show, TopToolbar } from 'react-admin';

/** A record's page of our own layout, with the edit button for those who may edit (EditButton asks canAccess). */
export function ShowWithEdit({ children }: { children: ReactNode }) {
  return (
    <Show
      component="div"
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      {children}
    </Show>
  );
}
