import { ThemeProvider, type Theme } from '@mui/material/styles';
import { useCallback, useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState, useTranslate } from 'react-admin';
import { installFormMessages } from '../../../forms/field';
import { setFormLanguage } from '../../../forms/words';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

// The forms' messages are sentences about the field, as the API writes them (forms/field.ts).
installFormMessages();

/**
 * Keeps <html lang> in step with the chosen language (screen readers, hyphenation), and the forms'
 * messages too: the English console shows the English twin of the API's German sentence.
 */
function DocumentLanguage() {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
    setFormLanguage(locale === 'en' ? 'en' : 'de');
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
