import {
  PueAnswerContent,
  PueAnswerList,
  PueAnswerParams,
  PueUpd,
  PueUpdRequest,
} from '../pue-inbox';
import { portalRoute } from './route';

/** The client's inbox of answers from ZUS and the UPD that releases them. */
export const portalInboxRoutes = {
  inbox: portalRoute({
    method: 'GET',
    path: '/v1/inbox',
    tag: 'client',
    summary: "The client's answers from ZUS, newest first, with the unread count",
    access: 'session',
    responses: { 200: PueAnswerList },
  }),
  signUpd: portalRoute({
    method: 'POST',
    path: '/v1/inbox/:answerId/upd',
    tag: 'client',
    summary: 'Sign the UPD (confirmation of delivery) of an answer',
    description:
      '`confirm` in the session, or `card`: a PAdES-signed UPD PDF whose signer is the ' +
      "session's person. Once signed, the same UPD is answered again (200) and no new one is made.",
    access: 'session',
    params: PueAnswerParams,
    body: PueUpdRequest,
    responses: { 200: PueUpd, 201: PueUpd },
  }),
  answer: portalRoute({
    method: 'GET',
    path: '/v1/inbox/:answerId',
    tag: 'client',
    summary: 'An answer with its PDF body; marks it read',
    description: 'An answer that requires a UPD answers 409 CONFLICT until the UPD is signed.',
    access: 'session',
    params: PueAnswerParams,
    responses: { 200: PueAnswerContent },
  }),
};
