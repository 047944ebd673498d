import { describe, expect, it } from 'vitest';
import { collaborationOf, unknownDepartment } from './collaboration.js';
import { MetricName } from './samples-from-event.js';

const sales = 'dept-sales';

const message = (labels: Record<string, string | number | boolean>) => ({
  name: MetricName.messagesSent,
  labels: { messageId: 'm', fromAgentId: 's1', fromDepartmentId: sales, hops: 0, ...labels },
});

describe('collaborationOf', () => {
  it.each([
    {
      case: 'a message stays in its cell',
      sample: message({ topic: 'CELL', crossesCells: false }),
    },
    {
      case: 'a DIRECT message goes to a colleague',
      sample: message({ topic: 'DIRECT', crossesCells: false }),
    },
    {
      case: 'an older event does not say whether it left the cell',
      sample: message({ topic: 'RING' }),
    },
    { case: 'a vote is cast', sample: { name: MetricName.votesCast, labels: {} } },
  ])('counts nothing when $case', ({ sample }) => {
    expect(collaborationOf(sample)).toBeNull();
  });

  it.each(['RING', 'RADIAL', 'GLOBAL', 'DIRECT'])(
    'counts a %s message that left the cell for the sender’s department',
    (topic) => {
      expect(collaborationOf(message({ topic, crossesCells: true }))).toEqual({
        department: sales,
        kind: 'message',
      });
    },
  );

  it('counts a share for the department whose entry was shared, unknown when unnamed', () => {
    const share = (labels: Record<string, string>) => ({ name: MetricName.shares, labels });
    expect(collaborationOf(share({ fromDepartmentId: sales, toDepartmentId: 'x' }))).toEqual({
      department: sales,
      kind: 'share',
    });
    expect(collaborationOf(share({ fromDepartmentSlug: 'sales' }))).toEqual({
      department: unknownDepartment,
      kind: 'share',
    });
  });
});
