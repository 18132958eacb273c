import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from './api/endpoints.ts';
import { handleUnauthorized } from './api/client.ts';
import type { User } from './api/types.ts';

interface Auth {
  user: User | null;
  /** True until the first /me answer arrives. */
  loading: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth>({
  user: null,
  loading: true,
  login: async () => Promise.reject(new Error('no auth provider')),
  logout: async () => {},
});

export function AuthProvider({ children }: { children: ReactNode }) {
  // The session the start-up request may already have saves the first render a loading pass.
  const [user, setUser] = useState<User | null>(() => api.arrived.me() ?? null);
  const [loading, setLoading] = useState(user === null);
  useEffect(() => {
    handleUnauthorized(() => setUser(null));
    if (!loading) return;
    api.me().then((s) => setUser(s), () => setUser(null)).finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setUser(session);
    return session;
  }, []);
  const logout = useCallback(async () => {
    await api.logout().catch(() => {});
    setUser(null);
  }, []);
  const value = useMemo(() => ({ user, loading, login, logout }), [user, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  return useContext(AuthContext);
}
