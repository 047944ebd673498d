import { Migration } from '@mikro-orm/migrations';
import { roleCapabilities } from '../../organization/domain/organization.js';

/**
 * An agent's seat: its stable place in the department's sunflower. Seats are never reused within
 * a department, so hiring never moves anyone already drawn. Seeded agents take their role's
 * position in the capability matrix.
 */
export class Migration0002AgentSeats extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table agents.agents add column seat integer');
    const order = roleCapabilities
      .map((capability, index) => `when '${capability.role}' then ${index}`)
      .join(' ');
    this.addSql(`update agents.agents set seat = case role ${order} else 0 end`);
    this.addSql('alter table agents.agents alter column seat set not null');
    this.addSql(
      'create unique index agents_department_seat_idx on agents.agents (department_id, seat)',
    );
  }
}
