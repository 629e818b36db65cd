import type { AdminCommands, Branch } from '../app';
import type { AuthService } from '../auth';

/**
 * The admin's configuration use cases (each through the branch's one write pipeline: rows,
 * audit, `config.changed`, outbox, reload, publish). `auth` is no longer needed: devices are
 * read and paired through the pipeline; the parameter stays for existing callers.
 */
export function configAdmin(branch: Branch, _auth?: AuthService): AdminCommands {
  return branch.admin;
}
