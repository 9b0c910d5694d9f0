import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken } from '../api/api.ts';
import type { SessionInfo } from '../api/types.ts';

interface SessionState {
  /** undefined while the first /api/session is on its way. */
  readonly session: SessionInfo | undefined;
  /** After login, sign-up or logout: the answer carries the new session (and CSRF token). */
  readonly setSession: (s: SessionInfo) => void;
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, set] = useState<SessionInfo | undefined>(undefined);
  const setSession = useCallback((s: SessionInfo) => {
    setCsrfToken(s.csrfToken);
    set(s);
  }, []);
  const refresh = useCallback(async () => {
    try {
      setSession(await api<SessionInfo>('/api/session'));
    } catch {
      setSession({ authenticated: false });
    }
  }, [setSession]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ session, setSession, refresh }), [session, setSession, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
