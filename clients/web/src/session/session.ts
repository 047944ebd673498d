/** Where the signed-in token is kept: this tab only, so closing it signs out. */
const storageKey = 'daena.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(storageKey);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(storageKey, token);
  else sessionStorage.removeItem(storageKey);
}

/** What the gateway tells the dashboard about itself (gateway/src/web/dashboard.ts). */
export interface DashboardSettings {
  /** Embedded mode only: the gateway mints development tokens. */
  devTokenMint: boolean;
}

export async function fetchSettings(): Promise<DashboardSettings> {
  const response = await fetch('/dashboard.json');
  if (!response.ok) throw new Error(`The gateway answered ${response.status}`);
  return (await response.json()) as DashboardSettings;
}

/** Asks an embedded-mode gateway for an admin token (the endpoint exists in no other mode). */
export async function mintDevelopmentToken(): Promise<string> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`The gateway refused to mint a token (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

/** The token's claims as the dashboard shows them (the gateway verifies; this only reads). */
export function claimsOf(token: string): { sub?: string; roles?: string[]; exp?: number } | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(json) as { sub?: string; roles?: string[]; exp?: number };
  } catch {
    return null;
  }
}
