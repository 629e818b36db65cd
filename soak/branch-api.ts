import { createClient, type ApiClient } from '@skr/protocol/client';
import { branchApi, type BranchApi } from '@skr/protocol/routes';

/** The soak's client of the branch API (the same typed client the apps use). */
export type SoakApi = ApiClient<BranchApi>;

/**
 * A client of the soak server as `token`. The timeout is generous: under the ×10 load an
 * answer may be slow, and only a killed server should turn into a failure.
 */
export function soakApi(url: string, token?: string): SoakApi {
  return createClient(branchApi, { baseUrl: url, timeoutMs: 30_000, ...(token ? { token } : {}) });
}
