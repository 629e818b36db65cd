import type { TFunction } from 'i18next';
import { isSkrError } from '@skr/protocol/errors';

const KNOWN = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID',
  'CONFLICT',
  'NOT_FOUND',
  'RATE_LIMITED',
  'DISCONNECTED',
  'TIMEOUT',
]);

/** A failure as a sentence from the catalogue, by its code; never a stack. */
export function errorText(t: TFunction, e: unknown): string {
  const code = isSkrError(e) ? e.code : 'INTERNAL';
  const message = isSkrError(e) ? e.message : '';
  return KNOWN.has(code) ? t(`errors.${code}`, { message }) : t('errors.other', { code });
}
