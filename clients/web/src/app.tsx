import { useState } from 'react';
import { Dashboard } from './dashboard.js';
import { storedToken, storeToken } from './session/session.js';
import { SignIn } from './session/sign-in.js';

/** Signed in (a token in this tab) or at the sign-in form. */
export function App() {
  const [token, setToken] = useState(storedToken);
  const [refusal, setRefusal] = useState<string | null>(null);
  const signIn = (next: string) => {
    storeToken(next);
    setRefusal(null);
    setToken(next);
  };
  const signOut = (reason?: string) => {
    storeToken(null);
    setRefusal(reason ?? null);
    setToken(null);
  };
  return token ? (
    <Dashboard token={token} onSignOut={signOut} />
  ) : (
    <SignIn onToken={signIn} refusal={refusal} />
  );
}
