import type { BranchConfig } from '@skr/protocol/manager';
import type { UseCaseContext } from './use-cases';

/** Everything the configuration screen shows (never password hashes or tokens). */
export function configView(ctx: UseCaseContext): BranchConfig {
  const { catalog } = ctx;
  return {
    services: catalog
      .services()
      .map((s) => ({ ...s, openingHours: catalog.openingHours(s.id) ?? null })),
    counters: catalog.counters(),
    settings: catalog.settings(),
    users: (
      ctx.db.prepare(`SELECT username, role, active FROM users ORDER BY username`).all() as {
        username: string;
        role: BranchConfig['users'][number]['role'];
        active: number;
      }[]
    ).map((u) => ({ username: u.username, role: u.role, active: u.active === 1 })),
    devices: ctx.users.devices().map((d) => ({
      ...d,
      displayConfig: catalog.displayConfig(`device:${d.id}`) ?? null,
    })),
  };
}
