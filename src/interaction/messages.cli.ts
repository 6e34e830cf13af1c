/** `gongkai messages remind`: runs the scheduled reply-promise reminder job now (the same use case). */
import type { Command } from 'commander';
import { type WithContext } from '../cli/kit.js';
import { sendMessageReminders } from './send-reminders.job.js';

export function registerMessageCommands(program: Command, withContext: WithContext): void {
  program
    .command('messages')
    .description('留言办理')
    .command('remind')
    .description('立即运行留言答复期限提醒（即将到期、已超期、超过3个月未答复）')
    .action(async () => {
      await withContext(async (ctx) => {
        const n = await sendMessageReminders(ctx);
        console.log(`已记录 ${n} 条提醒。`);
      });
    });
}
