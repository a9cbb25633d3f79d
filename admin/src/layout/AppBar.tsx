import { AppBar as RaAppBar, UserMenu, useGetIdentity } from 'react-admin';

/** The user menu's accessible name is the name it shows (WCAG 2.5.3), not a generic "Profil". */
function NamedUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />;
}

export function AppBar() {
  return <RaAppBar userMenu={<NamedUserMenu />} />;
}
