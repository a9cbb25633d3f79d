import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState, useTranslate } from 'react-admin';
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

/** Every spinner says what it is ("Wird geladen"), in the chosen language: a progressbar needs a name. */
function useNamedProgress() {
  const translate = useTranslate();
  return useCallback(
    (outer: Theme): Theme => {
      const loading = { defaultProps: { 'aria-label': translate('ra.page.loading') } };
      return { ...outer, components: { ...outer.components, MuiCircularProgress: loading, MuiLinearProgress: loading } };
    },
    [translate],
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const namedProgress = useNamedProgress();
  return (
    <ThemeProvider theme={namedProgress}>
      <RaLayout menu={Menu} appBar={AppBar}>
        <DocumentLanguage />
        {children}
      </RaLayout>
    </ThemeProvider>
  );
}
