/**
 * Removes secrets from text that may reach a log or a client: the given keys verbatim, and
 * anything shaped like a bearer token or an OpenAI-style key (`sk-…`), which some providers echo
 * back in their error messages ("Incorrect API key provided: sk-…").
 */
export function redactSecrets(text: string, secrets: readonly (string | null)[] = []): string {
  let redacted = text;
  for (const secret of secrets) {
    // Short "keys" (`ollama`, `x`) are placeholders, and replacing them would mangle the text.
    if (secret && secret.length >= 8) redacted = redacted.split(secret).join('[redacted]');
  }
  return redacted
    .replace(/\bBearer\s+\S+/gi, 'Bearer [redacted]')
    .replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, '[redacted]');
}
