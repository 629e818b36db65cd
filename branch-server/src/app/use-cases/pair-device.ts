import { randomUUID } from 'node:crypto';
import type { DeviceKind } from '@skr/protocol';
import { newToken, tokenHash } from '../../auth/tokens';
import { decideCreateDevice, decideRevokeDevice } from '../../domain';
import type { UseCaseContext } from './context';

/** Pairs a device (audited); its token is answered once and never stored. */
export function createDevice(
  ctx: UseCaseContext,
  kind: DeviceKind,
  name: string,
  actor: string,
): { id: string; token: string } {
  const id = randomUUID();
  const token = newToken();
  ctx.uow.run(() =>
    decideCreateDevice({ id, kind, name, tokenHash: tokenHash(token) }, { actor, now: ctx.now() }),
  );
  return { id, token };
}

/** Revokes a device and its token (audited): it is refused from its next request on. */
export function revokeDevice(ctx: UseCaseContext, id: string, actor: string): void {
  ctx.uow.run(() => decideRevokeDevice(ctx.users.devices(), id, { actor, now: ctx.now() }));
}
