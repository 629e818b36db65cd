import { DocumentFormCatalogue, DocumentStatus, SubmitDocumentRequest } from '../branch-pue';
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
};
