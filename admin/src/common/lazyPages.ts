import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// The console's pages are chunks of their own, fetched when a person first opens one: the login
// page and the inbox load only the shell (react-admin, the menu, the words), not the charts, the
// procedure map or the master data forms. react-admin's layout shows its spinner meanwhile.

export type PageKind = 'list' | 'show' | 'edit' | 'create';
export type Pages = Partial<Record<PageKind, ComponentType>>;

/**
 * A resource's pages from a module loaded on first use: `load` is its `import('./folder')`, whose
 * default export is the resource's {list, show, …}; only the kinds named become routes.
 */
export function lazyPages<K extends PageKind>(load: () => Promise<{ default: Pages }>, ...kinds: K[]): Record<K, LazyExoticComponent<ComponentType>> {
  const pages = {} as Record<K, LazyExoticComponent<ComponentType>>;
  for (const kind of kinds) {
    pages[kind] = lazy(async () => {
      const page = (await load()).default[kind];
      if (!page) throw new Error(`the module has no ${kind} page`);
      return { default: page };
    });
  }
  return pages;
}

/** One named component of a module loaded on first use. */
export function lazyNamed<M, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K] & ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as M[K] & ComponentType }));
}

/**
 * Starts loading the chunk of the page a URL's hash names (#/<resource>, #/<resource>/create,
 * #/<resource>/<id>/show, #/<resource>/<id> for edit), so that it does not wait for the session
 * check before it is even asked for; `load` picks the chunk. Failures are left to the page itself.
 */
export function preloadPage(hash: string, load: (resource: string, kind: PageKind, id?: string) => Promise<unknown> | undefined): void {
  const [resource = '', second, third] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
  if (resource === 'login') return;
  const kind: PageKind = second === undefined ? 'list' : second === 'create' ? 'create' : third === 'show' ? 'show' : 'edit';
  const id = kind === 'show' || kind === 'edit' ? second : undefined;
  load(decodeURIComponent(resource), kind, id === undefined ? undefined : decodeURIComponent(id))?.catch(() => undefined);
}
