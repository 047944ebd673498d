import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { Labels } from '../domain/samples-from-event.js';

export interface MetricSampleRecord {
  /** bigserial, kept as a string: it outgrows Number.MAX_SAFE_INTEGER before it outgrows bigint. */
  id: string;
  name: string;
  value: number;
  labels: Labels;
  eventId: string;
  recordedAt: Date;
}

export const MetricSampleEntity = new EntitySchema<MetricSampleRecord>({
  name: 'MetricSample',
  tableName: 'metric_samples',
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    name: { type: 'text' },
    value: { type: 'double' },
    labels: { type: 'json' },
    eventId: { type: 'uuid', fieldName: 'event_id' },
    recordedAt: { type: 'Date', fieldName: 'recorded_at' },
  },
});

export const entities = [MetricSampleEntity];
