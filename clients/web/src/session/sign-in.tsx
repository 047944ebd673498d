import { useEffect, useState, type FormEvent } from 'react';
import { fetchSettings, mintDevelopmentToken } from './session.js';

/**
 * Sign-in with a token (`npm run token`); in embedded mode the gateway also offers a development
 * token, minted on the server with its own secret.
 */
export function SignIn({
  onToken,
  refusal,
}: {
  onToken(token: string): void;
  refusal: string | null;
}) {
  const [token, setToken] = useState('');
  const [devTokenMint, setDevTokenMint] = useState(false);
  const [problem, setProblem] = useState<string | null>(refusal);
  useEffect(() => {
    fetchSettings().then(
      (settings) => setDevTokenMint(settings.devTokenMint),
      (error: Error) => setProblem(`The gateway cannot be reached: ${error.message}`),
    );
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed.split('.').length !== 3) {
      setProblem('That is not a token: a JWT has three parts separated by dots.');
      return;
    }
    onToken(trimmed);
  };
  const mint = () => {
    mintDevelopmentToken().then(onToken, (error: Error) => setProblem(error.message));
  };
  return (
    <main className="sign-in">
      <h1>Daena dashboard</h1>
      <form onSubmit={submit} aria-describedby="sign-in-help">
        <label htmlFor="token">Token</label>
        <textarea
          id="token"
          name="token"
          rows={4}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <p id="sign-in-help" className="help">
          Paste a token from <code>npm run token -- --role admin</code>. It stays in this tab only.
        </p>
        <button type="submit">Sign in</button>
      </form>
      {devTokenMint && (
        <section aria-labelledby="dev-heading" className="dev-sign-in">
          <h2 id="dev-heading">Embedded mode</h2>
          <button type="button" onClick={mint}>
            Sign in with a development token
          </button>
        </section>
      )}
      {problem && (
        <p role="alert" className="state state-error">
          {problem}
        </p>
      )}
    </main>
  );
}
