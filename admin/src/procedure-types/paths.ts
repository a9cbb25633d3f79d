// Links to a procedure type's page and to a filtered procedure list: small, so that the pages
// linking there do not load the type page (and its map layout) with them.
export const typePath = (type: string) => `/procedure-types/${encodeURIComponent(type)}/show`;
export const listPath = (filter: Record<string, unknown>) => `/procedures?filter=${encodeURIComponent(JSON.stringify(filter))}`;
