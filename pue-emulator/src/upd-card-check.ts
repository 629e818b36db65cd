// What the stand-in checks of a UPD signed with the ID card before it records it: a PDF that
// names this answer (keywords `upd:<answerId>`), whose PAdES signature verifies against the
// card CA (signature-check.ts, shared with document intake), signed by the session's person.
import { PDFDocument } from 'pdf-lib';
import { SkrError } from '@skr/protocol';
import type { PueContext } from './context';
import type { CardUpdCheck } from './inbox';
import { getProfileRow } from './profiles';
import { verifyPdfSignature } from './signature-check';

/** The keyword a UPD PDF carries to name the answer it confirms. */
const updKeyword = (answerId: string) => `upd:${answerId}`;

/** The stand-in's check of a card-signed UPD PDF (see the file comment). */
export function cardUpdCheck(ctx: PueContext): CardUpdCheck {
  return async (pdf, profileId, answerId) => {
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
      throw new SkrError('INVALID', 'The UPD is not a PDF');
    let keywords: string | undefined;
    try {
      keywords = (await PDFDocument.load(pdf, { updateMetadata: false })).getKeywords();
    } catch (cause) {
      throw new SkrError('INVALID', 'The UPD PDF cannot be read', { cause });
    }
    if (!keywords?.split(/[\s,;]+/).includes(updKeyword(answerId)))
      throw new SkrError('INVALID', 'The UPD does not name this answer');
    const signer = verifyPdfSignature(pdf, ctx.caCertsPem, ctx.now());
    // Only the addressee confirms delivery: the card's holder must be the session's person.
    if (signer.pesel !== getProfileRow(ctx, profileId).pesel)
      throw new SkrError('FORBIDDEN', 'The UPD is signed by someone else than the addressee');
  };
}
