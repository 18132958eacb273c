import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { openWorkspace, withStoreOptions, type StoreFlags } from './store-options.ts';
import { ROLES, type Role } from '../server/auth/actor.ts';
import { randomPassword } from '../server/auth/password.ts';
import { createUser } from '../server/users.ts';

interface UserFlags extends StoreFlags {
  role: string;
  unit?: string;
  leader?: string;
  password?: string;
}

export const register: RegisterCommand = (program) => {
  const user = program.command('user').description('manage local accounts');
  withStoreOptions(user.command('add'))
    .description('create an account; without --password a random one is printed once')
    .argument('<name>', 'user name')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--unit <unit>', 'unit name (role unit)')
    .option('--leader <leader>', 'leader name (role leader)')
    .option('--password <password>', 'password (default: random, printed)')
    .action(async (name: string, flags: UserFlags) => {
      if (!ROLES.includes(flags.role as Role)) throw new ExitError(`unknown role ${flags.role} (${ROLES.join(', ')})`, 2);
      if (flags.role === 'unit' && !flags.unit) throw new ExitError('a unit account needs --unit', 2);
      if (flags.role === 'leader' && !flags.leader) throw new ExitError('a leader account needs --leader', 2);
      const db = await openWorkspace(flags);
      try {
        const find = async (sql: string, what: string, value?: string) => {
          if (!value) return null;
          const { rows } = await db.query<{ id: number }>(sql, [value]);
          if (!rows[0]) throw new ExitError(`no ${what} named ${value}`, 1);
          return rows[0].id;
        };
        const unitId = await find('SELECT id FROM units WHERE (name = $1 OR aliases ? $1) AND archived_at IS NULL ORDER BY id LIMIT 1', 'unit', flags.unit);
        const leaderId = await find('SELECT id FROM leaders WHERE name = $1 AND archived_at IS NULL ORDER BY id LIMIT 1', 'leader', flags.leader);
        const password = flags.password ?? randomPassword();
        await db.transaction(async (tx) => createUser(tx, {
          username: name, password, role: flags.role as Role, unitId, leaderId,
        }, null)).catch((err) => {
          if ((err as { code?: string }).code === '23505') throw new ExitError(`user ${name} exists`, 1);
          throw err;
        });
        process.stdout.write(`user ${name} (${flags.role}) created${flags.password ? '' : `, password ${password}`}\n`);
      } finally {
        await db.close();
      }
    });
};
