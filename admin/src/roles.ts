export type Role = 'staff' | 'manager' | 'admin';

/**
 * Which role sees which console page, mirroring the API's access rules (the API refuses
 * anyway; this keeps people from pages that would only show a refusal).
 * Resource → action → roles; a resource not named here is open to every signed-in person.
 */
const rules: Record<string, Partial<Record<string, readonly Role[]>> & { '*'?: readonly Role[] }> = {
  users: { '*': ['admin', 'manager'], create: ['admin'], edit: ['admin'], delete: ['admin'] },
  departments: { create: ['admin'], edit: ['admin'], delete: ['admin'] },
  audit: { '*': ['manager', 'admin'] },
  mails: { '*': ['manager', 'admin'] },
  'inbound-mails': { '*': ['manager', 'admin'] },
  dashboard: { '*': ['manager', 'admin'] },
  // A type's map counts every running procedure and times its steps: the managers' view.
  'procedure-types': { '*': ['manager', 'admin'] },
  'all-tasks': { '*': ['manager', 'admin'] },
  schedules: { '*': ['admin'] },
  incidents: { '*': ['admin'] },
  // The demo mail catcher's inbox holds the departments' live answer links.
  mailbox: { '*': ['admin'] },
  indicators: { create: ['admin'], edit: ['admin'], delete: ['admin'] },
  procedures: { create: ['staff', 'manager', 'admin'], cancel: ['manager', 'admin'] },
};

export function mayAccess(roles: readonly Role[], resource: string, action = 'list'): boolean {
  const rule = rules[resource];
  if (!rule) return true;
  const allowed = rule[action] ?? rule['*'];
  return !allowed || allowed.some((r) => roles.includes(r));
}
