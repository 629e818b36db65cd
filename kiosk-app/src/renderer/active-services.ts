import type { Service } from '@skr/protocol/domain';
import { api } from './api';

/** The services a client can choose at the kiosk: active ones, in the hall's order. */
export async function activeServices(): Promise<Service[]> {
  const r = await api.call('listServices');
  return r.services.filter((s) => s.active).sort((a, b) => a.order - b.order);
}
