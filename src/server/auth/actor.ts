export type Role = 'admin' | 'unit' | 'leader' | 'viewer';
export const ROLES: Role[] = ['admin', 'unit', 'leader', 'viewer'];

/** The signed-in user as the policies see them. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number | null;
  leaderId: number | null;
  csrfToken: string;
}
