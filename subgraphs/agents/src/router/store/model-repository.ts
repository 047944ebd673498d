import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError } from '@daena/platform';
import type { StoredModel, StoredModelSpec } from '../domain/router-records.js';

interface ModelRow {
  name: string;
  source: 'CONFIG' | 'ADMIN';
  spec: StoredModelSpec;
  api_key: string | null;
  enabled: boolean;
  version: number;
  updated_at: string | Date;
}

const toModel = (row: ModelRow): StoredModel => ({
  name: row.name,
  source: row.source,
  spec: row.spec,
  apiKey: row.api_key,
  enabled: row.enabled,
  version: row.version,
  updatedAt: new Date(row.updated_at),
});

const modelColumns = 'name, source, spec, api_key, enabled, version, updated_at';

/** The model registry's rows: configured and admin-added models, their keys sealed. */
export class ModelRepository {
  constructor(private readonly em: EntityManager) {}

  private get sql() {
    return this.em.getConnection();
  }

  async listModels(): Promise<StoredModel[]> {
    const rows = await this.sql.execute<ModelRow[]>(
      `select ${modelColumns} from agents.router_models order by name`,
    );
    return rows.map(toModel);
  }

  async model(name: string): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `select ${modelColumns} from agents.router_models where name = ?`,
      [name],
    );
    return row ? toModel(row) : null;
  }

  /**
   * Writes the models of the configuration: new ones are added, changed ones updated (an admin's
   * `enabled` switch is kept), and CONFIG rows no longer configured are removed. ADMIN rows of
   * the same name win: a configured model never overwrites one an admin registered.
   */
  async syncConfigModels(specs: readonly StoredModelSpec[]): Promise<void> {
    await this.em.transactional(async (tx) => {
      const sql = tx.getConnection();
      await sql.execute(
        `delete from agents.router_models where source = 'CONFIG'
           and name not in (select jsonb_array_elements_text(?::jsonb))`,
        [JSON.stringify(specs.map((spec) => spec.name))],
      );
      for (const spec of specs) {
        await sql.execute(
          `insert into agents.router_models (name, source, spec, enabled)
           values (?, 'CONFIG', ?::jsonb, ?)
           on conflict (name) do update set spec = excluded.spec, updated_at = now(),
             version = agents.router_models.version + 1
           where agents.router_models.source = 'CONFIG' and agents.router_models.spec <> excluded.spec`,
          [spec.name, JSON.stringify(spec), spec.enabled],
        );
      }
    });
  }

  /** Replaces a stored key if it is still `current` (sealing a key stored in plain text). */
  async replaceApiKey(name: string, current: string, next: string): Promise<void> {
    await this.em.execute(
      'update agents.router_models set api_key = ? where name = ? and api_key = ?',
      [next, name, current],
    );
  }

  /** Adds an admin's model; a taken name is a CONFLICT (`MODEL_NAME_TAKEN`). */
  async insertAdminModel(spec: StoredModelSpec, apiKey: string | null): Promise<StoredModel> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `insert into agents.router_models (name, source, spec, api_key, enabled)
       values (?, 'ADMIN', ?::jsonb, ?, ?)
       on conflict (name) do nothing
       returning ${modelColumns}`,
      [spec.name, JSON.stringify(spec), apiKey, spec.enabled],
    );
    if (!row) {
      throw new ConflictError(`A model named ${spec.name} already exists`, 'MODEL_NAME_TAKEN', {
        name: spec.name,
      });
    }
    return toModel(row);
  }

  /**
   * Replaces an admin model's spec if `expectedVersion` is current; `apiKey` undefined keeps the
   * stored key. Returns null when the name or version does not match (the caller tells which).
   */
  async updateAdminModel(
    spec: StoredModelSpec,
    apiKey: string | null | undefined,
    expectedVersion: number,
  ): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `update agents.router_models
         set spec = ?::jsonb, enabled = ?, api_key = case when ? then ? else api_key end,
             version = version + 1, updated_at = now()
       where name = ? and source = 'ADMIN' and version = ?
       returning ${modelColumns}`,
      [
        JSON.stringify(spec),
        spec.enabled,
        apiKey !== undefined,
        apiKey ?? null,
        spec.name,
        expectedVersion,
      ],
    );
    return row ? toModel(row) : null;
  }

  async setEnabled(name: string, enabled: boolean): Promise<StoredModel | null> {
    const [row] = await this.sql.execute<ModelRow[]>(
      `update agents.router_models
         set enabled = ?, version = version + 1, updated_at = now()
       where name = ?
       returning ${modelColumns}`,
      [enabled, name],
    );
    return row ? toModel(row) : null;
  }

  async removeAdminModel(name: string): Promise<boolean> {
    const rows = await this.sql.execute<{ name: string }[]>(
      `delete from agents.router_models where name = ? and source = 'ADMIN' returning name`,
      [name],
    );
    return rows.length > 0;
  }
}
