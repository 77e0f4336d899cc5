// Who is signed in. The app asks /api/v1/me once at start and after sign-in; any 401 from the API
// (an expired session) returns the user to the sign-in page.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, post, SIGNED_OUT_EVENT } from './api.ts';
import type { Me } from './types.ts';
import { forgetPreloaded, takePreloaded } from './use-api.ts';

interface Session {
  me: Me | null;
  /** True until the first answer from /api/v1/me. */
  loading: boolean;
  refresh(): Promise<Me | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  // undefined until /api/v1/me first answers; null when signed out.
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      const value = await takePreloaded<Me>('/api/v1/me');
      setMe(value);
      return value;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
      setMe(null);
      return null;
    }
  }, []);
  // Signed out only when the server says so (or the session had already ended): if the request fails,
  // the session still exists on the server and the person must not be told they are signed out.
  const signOut = useCallback(async () => {
    try {
      await post('/api/v1/auth/sign-out');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    forgetPreloaded();
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
    const onSignedOut = () => {
      forgetPreloaded();
      setMe(null);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [refresh]);
  return (
    <SessionContext.Provider value={{ me: me ?? null, loading: me === undefined, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
