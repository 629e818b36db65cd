import { createClient, type ApiClient } from '@skr/protocol/client';
import type { Lang } from '@skr/protocol/domain';
import { branchApi, type BranchApi } from '@skr/protocol/routes';

/** The desk's and the manager's client of the branch API; every failure rejects with SkrError. */
export type BranchClient = ApiClient<BranchApi>;

/**
 * The one client of the branch API for the desk and manager pages: the signed-in user's token,
 * the page's language (the server's messages come in it) and a timeout, so a clerk never waits
 * on a dead server.
 */
export function createBranchClient(
  origin: string,
  token: () => string | undefined,
  timeoutMs: number,
): BranchClient {
  return createClient(branchApi, {
    baseUrl: origin,
    token,
    timeoutMs,
    lang: () => (document.documentElement.lang || 'pl') as Lang,
  });
}
