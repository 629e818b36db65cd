// What the stand-in checks of a UPD signed with the ID card before it records it: a PDF that
// names this answer (keywords `upd:<answerId>`) and carries a PDF signature (ByteRange +
// Contents). The cryptographic check of the CMS (digest, signature, chain to the card CA, the
// signer's PESEL) is the document signature check's, shared with document intake.
import { PDFDocument } from 'pdf-lib';
import { SkrError } from '@skr/protocol';
import type { CardUpdCheck } from './inbox';

/** The keyword a UPD PDF carries to name the answer it confirms. */
export const updKeyword = (answerId: string) => `upd:${answerId}`;

/** True when the PDF bytes hold a signature dictionary with a byte range and contents. */
export function hasPdfSignature(pdf: Buffer): boolean {
  const text = pdf.toString('latin1');
  return (
    /\/ByteRange\s*\[\s*\d+\s+\d+\s+\d+\s+\d+\s*\]/.test(text) &&
    /\/Contents\s*<[0-9a-fA-F]{64,}/.test(text)
  );
}

/** The stand-in's check of a card-signed UPD PDF (see the file comment). */
export const checkCardUpd: CardUpdCheck = async (pdf, _profileId, answerId) => {
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
  if (!hasPdfSignature(pdf)) throw new SkrError('UNAUTHORIZED', 'The UPD carries no signature');
};
