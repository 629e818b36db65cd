import {
  PueAnswerContent,
  PueAnswerList,
  PueAnswerParams,
  PueUpd,
  PueUpdRequest,
} from '../pue-inbox';
import { PueSessionHeader, PueWriteHeaders } from './pue-proxy';
import { access } from './roles';
import { branchRoute } from './route';

/**
 * The kiosk's inbox calls, passed 1:1 to the portal with `x-pue-session`. Answers are personal
 * letters: the branch neither keeps nor caches them (`cache-control: no-store`).
 */
export const pueInboxProxyRoutes = {
  pueInbox: branchRoute({
    method: 'GET',
    path: '/api/v1/pue/inbox',
    tag: 'pue',
    summary: "The client's answers from ZUS with the unread count",
    access: access.kioskChannel,
    headers: PueSessionHeader,
    responses: { 200: PueAnswerList },
  }),
  pueSignUpd: branchRoute({
    method: 'POST',
    path: '/api/v1/pue/inbox/:answerId/upd',
    tag: 'pue',
    summary: 'Sign the UPD of an answer (confirmation or ID-card signature)',
    access: access.kioskChannel,
    headers: PueWriteHeaders,
    params: PueAnswerParams,
    body: PueUpdRequest,
    responses: { 200: PueUpd, 201: PueUpd },
  }),
  pueAnswer: branchRoute({
    method: 'GET',
    path: '/api/v1/pue/inbox/:answerId',
    tag: 'pue',
    summary: 'An answer with its PDF body (after its UPD); never cached at the branch',
    access: access.kioskChannel,
    headers: PueSessionHeader,
    params: PueAnswerParams,
    responses: { 200: PueAnswerContent },
  }),
};
