import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { z } from 'zod';
import { de as zodGerman, en as zodEnglish } from 'zod/locales';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

/**
 * Keeps <html lang> in step with the chosen language (screen readers, hyphenation), and zod's
 * generic messages ("expected a number") too; the schemas' own messages are the API's German.
 */
function DocumentLanguage() {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
    z.config(locale === 'en' ? zodEnglish() : zodGerman());
  }, [locale]);
  return null;
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    <RaLayout menu={Menu} appBar={AppBar}>
      <DocumentLanguage />
      {children}
    </RaLayout>
  );
}
