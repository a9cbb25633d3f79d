import SettingsIcon from '@mui/icons-material/Settings';
import { AppBar as RaAppBar, Logout, MenuItemLink, UserMenu, useGetIdentity, useTranslate } from 'react-admin';

/** The user menu's accessible name is the name it shows (WCAG 2.5.3), not a generic "Profil". */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'}>
      <MenuItemLink to="/preferences" primaryText={translate('app.preferences.menu')} leftIcon={<SettingsIcon />} />
      <Logout />
    </UserMenu>
  );
}

export function AppBar() {
  return <RaAppBar userMenu={<NamedUserMenu />} />;
}
