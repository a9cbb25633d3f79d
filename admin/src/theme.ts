import { defaultTheme, type RaThemeOptions } from 'react-admin';

// react-admin's default look with a darker primary, so white text on it passes WCAG AA contrast.
export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1d4f91' }, secondary: { main: '#24386b' } },
  // Room for "Gruppenaufgaben" and its count.
  sidebar: { width: 270, closedWidth: 55 },
  components: {
    ...defaultTheme.components,
    // The empty list's sentence is information ("Noch keine Aufgaben."), not disabled text: readable contrast.
    RaEmpty: { styleOverrides: { root: { '& .RaEmpty-message': { color: 'rgba(0, 0, 0, 0.7)' } } } },
    // On a tablet held upright a wide table scrolls sideways inside its card instead of leaving the page.
    RaLayout: { styleOverrides: { root: { minWidth: 0, '& .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } } } },
    RaList: { styleOverrides: { root: { '& .RaList-main': { minWidth: 0 }, '& .RaList-content': { overflowX: 'auto' } } } },
  } as RaThemeOptions['components'],
};
