// The identity document a client shows at the counter to confirm a PUE profile (issue 16):
// a Polish ID card (dowód osobisty), a passport or a residence card (karta pobytu). The ID card
// number carries a check digit (its 4th character, weights 7 3 1 · 7 3 1 7 3 over the others,
// letters A = 10 … Z = 35); passports and residence cards are checked for their pattern only.
import type { IdDocument, IdDocumentType } from '@skr/protocol/profile-confirmation';
import { invalid, type DomainError } from './domain-error';

/** The printed pattern of each document's number. */
const NUMBER_PATTERN: Record<IdDocumentType, RegExp> = {
  'dowod-osobisty': /^[A-Z]{3}\d{6}$/,
  paszport: /^[A-Z]{2}\d{7}$/,
  'karta-pobytu': /^[A-Z]{2}\d{7}$/,
};

const ID_CARD_WEIGHTS = [7, 3, 1, 0, 7, 3, 1, 7, 3];

/** A character's value in the ID card checksum: digits as such, A = 10 … Z = 35. */
const valueOf = (c: string) => (c >= 'A' ? c.charCodeAt(0) - 55 : Number(c));

/** True when an ID card number ("ABA300000") has the right check digit. */
function idCardCheckDigitOk(number: string): boolean {
  const sum = [...number].reduce((s, c, i) => s + valueOf(c) * ID_CARD_WEIGHTS[i]!, 0);
  return sum % 10 === Number(number[3]);
}

/** Why a document number is wrong for its type ('format' or 'check'), or null when it is right. */
export function documentNumberProblem(
  type: IdDocumentType,
  number: string,
): 'format' | 'check' | null {
  const n = number.replace(/\s+/g, '').toUpperCase();
  if (!NUMBER_PATTERN[type].test(n)) return 'format';
  if (type === 'dowod-osobisty' && !idCardCheckDigitOk(n)) return 'check';
  return null;
}

/** "ABA300000" → "ABA****00": enough to find the document again, not enough to copy it. */
export function maskDocumentNumber(number: string): string {
  const n = number.replace(/\s+/g, '').toUpperCase();
  if (n.length <= 5) return '*'.repeat(n.length);
  return n.slice(0, 3) + '*'.repeat(n.length - 5) + n.slice(-2);
}

/**
 * Refuses a document that cannot confirm identity today: a number that does not fit its type,
 * or a validity date before `today` (the branch's local day; valid on its last day).
 */
export function checkIdDocument(doc: IdDocument, today: string): DomainError | null {
  const problem = documentNumberProblem(doc.type, doc.number);
  if (problem)
    return invalid(
      problem === 'format'
        ? `the number does not fit a ${doc.type}`
        : 'the check digit of the ID card number is wrong',
      { reason: 'document-number', problem },
    );
  if (doc.validUntil < today)
    return invalid('the document is no longer valid', {
      reason: 'document-expired',
      validUntil: doc.validUntil,
    });
  return null;
}
