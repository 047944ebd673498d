import type { CombinedError } from 'urql';

/** Shown while a page's first read is in flight; the space it takes does not jump after. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="state state-loading" role="status">
      Loading {what}…
    </p>
  );
}

/** What failed, in the gateway's words, with a way to try again. */
export function ErrorState({
  what,
  error,
  retry,
}: {
  what: string;
  error: CombinedError;
  retry?: () => void;
}) {
  const detail = error.networkError
    ? 'The gateway cannot be reached.'
    : error.graphQLErrors.map((e) => e.message).join('; ');
  return (
    <div className="state state-error" role="alert">
      <p>
        Could not load {what}: {detail}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
