import type { Branch } from '../app';
import type { AuthService } from '../auth';

/** What every route module needs. */
export interface ApiContext {
  branch: Branch;
  auth: AuthService;
  version: string;
  /** Login attempts per client and user per minute. */
  loginRateLimit: number;
}
