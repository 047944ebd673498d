import { Migration } from '@mikro-orm/migrations';

/**
 * Daily budgets defer instead of failing (issue 15 §5): a task whose model call would pass its
 * agent's or department's day waits, with its run, for the next UTC day (WAITING_FOR_BUDGET); the
 * waiting run is still its task's live run, so it is the one that resumes.
 */
export class Migration0011AutonomyBudgetWaits extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table agents.tasks drop constraint tasks_status_check');
    this.addSql(`alter table agents.tasks add constraint tasks_status_check check (status in
      ('QUEUED', 'RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL', 'WAITING_FOR_BUDGET',
       'DONE', 'FAILED'))`);
    this.addSql('alter table agents.agent_runs drop constraint agent_runs_status_check');
    this
      .addSql(`alter table agents.agent_runs add constraint agent_runs_status_check check (status in
      ('RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL', 'WAITING_FOR_BUDGET',
       'SUCCEEDED', 'FAILED'))`);
    this.addSql('drop index agents.agent_runs_live_task_idx');
    this.addSql(`
      create unique index agent_runs_live_task_idx on agents.agent_runs (task_id)
        where status in ('RUNNING', 'WAITING_FOR_CONSENSUS', 'WAITING_FOR_APPROVAL',
                         'WAITING_FOR_BUDGET')`);
  }
}
