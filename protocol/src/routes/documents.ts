import {
  BranchOpening,
  DocumentFormCatalogue,
  DocumentReceiptLookup,
  DocumentReceiptStatus,
  DocumentStatus,
  SubmitDocumentRequest,
} from '../branch-pue';
import { IdParams } from './params';
import { PueSessionHeader } from './pue-proxy';
import { access } from './roles';
import { branchRoute } from './route';

/** Document drop-off at the kiosk: the forms, intake, and a document's delivery state. */
export const documentRoutes = {
  documentForms: branchRoute({
    method: 'GET',
    path: '/api/v1/document-forms',
    tag: 'documents',
    summary: 'The catalogue of forms',
    access: access.readQueue,
    responses: { 200: DocumentFormCatalogue },
  }),
  submitDocument: branchRoute({
    method: 'POST',
    path: '/api/v1/documents',
    tag: 'documents',
    summary: 'Drops off a document (≤ 10 MB decoded), on disk before the answer',
    description:
      'Queued for the portal whether it is up or not. With `x-pue-session` the submitter is ' +
      'asked of the portal; any failure leaves the document anonymous.',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    body: SubmitDocumentRequest,
    responses: { 201: DocumentStatus },
  }),
  documentStatus: branchRoute({
    method: 'GET',
    path: '/api/v1/documents/:id',
    tag: 'documents',
    summary: "A document's delivery state (`queued`, or `delivered` with its UPP)",
    access: access.readDocument,
    params: IdParams,
    responses: { 200: DocumentStatus },
  }),
  documentByReceipt: branchRoute({
    method: 'POST',
    path: '/api/v1/documents/receipt-lookup',
    tag: 'documents',
    summary: "A document's state by its branch receipt (number + check code, as the QR holds)",
    description:
      'Reveals only the delivery state and the UPP (with the form, pages and digest the UPP ' +
      'printout shows), never content, file name or submitter. A wrong code is NOT_FOUND, ' +
      'the same as an unknown number. POST so the code never appears in a logged URL.',
    access: access.kioskChannel,
    body: DocumentReceiptLookup,
    responses: { 200: DocumentReceiptStatus },
  }),
  branchOpening: branchRoute({
    method: 'GET',
    path: '/api/v1/opening',
    tag: 'documents',
    summary: 'Whether the branch takes clients at its counters now',
    description:
      'Open when any active service is within its opening hours (a service without hours is ' +
      "always open). The kiosk's own hours are its configuration: after the branch closes it " +
      'still takes documents and bookings.',
    access: access.readQueue,
    responses: { 200: BranchOpening },
  }),
};
