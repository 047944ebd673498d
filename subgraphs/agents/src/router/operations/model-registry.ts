import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, SecretBox, type EventBus, type Logger } from '@daena/platform';
import { Events } from '@daena/contracts';
import { UnknownModelError, type ModelSpec } from '../index.js';
import type { ModelSource, StoredModel, StoredModelSpec } from '../domain/router-records.js';
import { ModelRepository } from '../store/model-repository.js';
import { validateModelCommand, type ModelCommand } from './route-input.js';

/** A model the router may choose, with where it came from and its version. */
export interface RegistryEntry {
  spec: ModelSpec;
  source: ModelSource;
  version: number;
}

/** A configured model as stored: its key stays in memory. */
function withoutKey(spec: ModelSpec): StoredModelSpec {
  const { apiKey: _secret, ...rest } = spec;
  return rest;
}

/**
 * The registry as the router sees it: configured models (keys from the environment, `enabled`
 * as an admin last set it) and admin-registered models (spec and key from Postgres). An admin
 * model of the same name as a configured one wins, and the clash is logged.
 */
function mergeRegistry(
  configured: readonly ModelSpec[],
  stored: readonly StoredModel[],
  log: Logger,
  secrets?: SecretBox,
): Map<string, RegistryEntry> {
  const entries = new Map<string, RegistryEntry>();
  const configuredByName = new Map(configured.map((spec) => [spec.name, spec]));
  for (const row of stored) {
    if (row.source === 'ADMIN') {
      if (configuredByName.has(row.name)) {
        log.warn({ model: row.name }, 'an admin model shadows the configured model of that name');
      }
      entries.set(row.name, {
        spec: { ...row.spec, apiKey: openKey(row, secrets, log), enabled: row.enabled },
        source: 'ADMIN',
        version: row.version,
      });
      continue;
    }
    const spec = configuredByName.get(row.name);
    if (spec) {
      entries.set(row.name, {
        spec: { ...spec, enabled: row.enabled },
        source: 'CONFIG',
        version: row.version,
      });
    }
  }
  // Configured models not yet stored (another replica is writing them) are used as configured.
  for (const spec of configured) {
    if (!entries.has(spec.name)) entries.set(spec.name, { spec, source: 'CONFIG', version: 1 });
  }
  return entries;
}

/**
 * An admin model's key as stored (sealed at rest). One that does not open (the deployment's
 * secret changed) is dropped with an error in the log: the model's calls then fail as
 * unauthenticated and the router falls back, rather than the whole registry failing to load.
 */
function openKey(row: StoredModel, secrets: SecretBox | undefined, log: Logger): string | null {
  if (row.apiKey === null || !secrets) return row.apiKey;
  try {
    return secrets.open(row.apiKey);
  } catch (error) {
    log.error({ err: error, model: row.name }, 'an admin model’s API key cannot be opened');
    return null;
  }
}

type RegistryChange = 'registered' | 'updated' | 'enabled' | 'disabled' | 'removed';

/**
 * This replica's copy of the registry. Changes go to Postgres first, then every replica reloads
 * (this one at once, the others on `router.model.changed`).
 */
export class ModelRegistry {
  private byName = new Map<string, RegistryEntry>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly deps: {
      fork(): EntityManager;
      bus: EventBus;
      log: Logger;
      configured: readonly ModelSpec[];
      /** Seals admin models' API keys at rest (ROUTER_SECRET_KEY, else the JWT secret). */
      secrets?: SecretBox | undefined;
    },
  ) {}

  /** Writes the configured models, reads the registry and follows other replicas' changes. */
  async start(): Promise<void> {
    await this.repository().syncConfigModels(this.deps.configured.map(withoutKey));
    await this.sealStoredKeys();
    await this.reload();
    this.unsubscribe = this.deps.bus.subscribe(Events.routerModelChanged, () =>
      this.reload().catch((error: unknown) =>
        this.deps.log.error({ err: error }, 'could not reload the model registry'),
      ),
    );
  }

  stop(): void {
    this.unsubscribe?.();
  }

  entries(): RegistryEntry[] {
    return [...this.byName.values()];
  }

  get(name: string): RegistryEntry | undefined {
    return this.byName.get(name);
  }

  async register(command: ModelCommand): Promise<RegistryEntry> {
    const spec = validateModelCommand(command);
    await this.repository().insertAdminModel(withoutKey(spec), this.seal(spec.apiKey));
    return this.changed(spec.name, 'registered');
  }

  /** Replaces an admin model's settings if `version` is current; a missing key keeps the stored one. */
  async update(command: ModelCommand, version: number): Promise<RegistryEntry> {
    const spec = validateModelCommand(command);
    const repository = this.repository();
    const apiKey = command.apiKey === undefined ? undefined : this.seal(command.apiKey);
    if (await repository.updateAdminModel(withoutKey(spec), apiKey, version)) {
      return this.changed(spec.name, 'updated');
    }
    const current = await repository.model(spec.name);
    if (!current) throw new UnknownModelError(spec.name);
    if (current.source === 'CONFIG') {
      throw new ConflictError(
        `${spec.name} comes from the configuration: change it there (only enabled can be set here)`,
        'MODEL_FROM_CONFIG',
      );
    }
    throw new ConflictError(`${spec.name} changed since version ${version}`, 'STALE_VERSION', {
      currentVersion: current.version,
    });
  }

  async setEnabled(name: string, enabled: boolean): Promise<RegistryEntry> {
    if (!(await this.repository().setEnabled(name, enabled))) throw new UnknownModelError(name);
    return this.changed(name, enabled ? 'enabled' : 'disabled');
  }

  /** Removes an admin model; false when there is none of that name. */
  async remove(name: string): Promise<boolean> {
    const removed = await this.repository().removeAdminModel(name);
    if (removed) await this.announce(name, 'removed');
    return removed;
  }

  private async changed(name: string, change: RegistryChange): Promise<RegistryEntry> {
    await this.announce(name, change);
    const entry = this.byName.get(name);
    if (!entry) throw new UnknownModelError(name);
    return entry;
  }

  private async announce(name: string, change: RegistryChange): Promise<void> {
    await this.reload();
    try {
      await this.deps.bus.publish(Events.routerModelChanged.create({ name, change }));
    } catch (error) {
      this.deps.log.error({ err: error, model: name }, 'registry change not published');
    }
  }

  private async reload(): Promise<void> {
    const stored = await this.repository().listModels();
    this.byName = mergeRegistry(this.deps.configured, stored, this.deps.log, this.deps.secrets);
  }

  private seal(apiKey: string | null | undefined): string | null {
    if (apiKey === null || apiKey === undefined) return null;
    return this.deps.secrets ? this.deps.secrets.seal(apiKey) : apiKey;
  }

  /** Keys stored before sealing began are sealed in place, once (each update is conditional). */
  private async sealStoredKeys(): Promise<void> {
    const { secrets } = this.deps;
    if (!secrets) return;
    const repository = this.repository();
    for (const row of await repository.listModels()) {
      if (row.apiKey === null || SecretBox.isSealed(row.apiKey)) continue;
      await repository.replaceApiKey(row.name, row.apiKey, secrets.seal(row.apiKey));
    }
  }

  private repository(): ModelRepository {
    return new ModelRepository(this.deps.fork());
  }
}
