import { BadInputError } from '@daena/platform/domain';

/** One problem in the model configuration: where (`LLM_MODELS[2].baseURL`) and what. */
export interface ConfigIssue {
  readonly path: string;
  readonly message: string;
}

/** Secrets shorter than this are not scrubbed: too likely to match ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * The model configuration is invalid. The message lists every problem on one line; any secret
 * known to the loader (API keys inline or from the environment) is replaced by `***` in the
 * message and details, so the error can be logged and returned as it is.
 */
export class RegistryConfigError extends BadInputError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], secrets: readonly string[] = []) {
    const scrub = scrubber(secrets);
    const safe = issues.map((issue) => ({
      path: scrub(issue.path),
      message: scrub(issue.message),
    }));
    const listed = safe.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    super(`Invalid model configuration: ${listed}`, 'INVALID_MODEL_CONFIG', { issues: safe });
    this.issues = safe;
  }
}

function scrubber(secrets: readonly string[]): (text: string) => string {
  const known = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  return (text) => known.reduce((safe, secret) => safe.split(secret).join('***'), text);
}
