import { z } from 'zod';
import { DisplayConfigResponse } from '../display';
import { DisplayConfig } from '../socket';
import { IdParams } from './params';
import { access } from './roles';
import { branchRoute } from './route';

/** A WAV file. */
const Wav = z.string().describe('audio/wav');

/** Announcement audio for the screens, and each screen's configuration. */
export const mediaRoutes = {
  chime: branchRoute({
    method: 'GET',
    path: '/api/v1/audio/chime.wav',
    tag: 'media',
    summary: 'The chime played before each announcement (503 when announcements are off)',
    access: access.readQueue,
    produces: 'audio/wav',
    responses: { 200: Wav },
  }),
  announcement: branchRoute({
    method: 'GET',
    path: '/api/v1/audio/:id',
    tag: 'media',
    summary: "A call's announcement, `{lang}-{number}-{counter}.wav` (`…-short.wav` in a burst)",
    description:
      'Rendered when the call commits; on demand otherwise (e.g. after a restart). The ' +
      '`-short` form, asked for by a screen announcing several calls at once, drops "Numer" ' +
      'and the pauses (one chime for the burst).',
    access: access.readQueue,
    params: IdParams,
    produces: 'audio/wav',
    responses: { 200: Wav },
  }),
  displayConfig: branchRoute({
    method: 'GET',
    path: '/api/v1/display/config',
    tag: 'media',
    summary: "This screen's configuration (manager, admin: the default)",
    access: access.displayChannel,
    responses: { 200: DisplayConfigResponse },
  }),
  setDisplayConfig: branchRoute({
    method: 'PUT',
    path: '/api/v1/devices/:id/display-config',
    tag: 'media',
    summary: "Sets a screen's configuration",
    access: access.manageBookings,
    params: IdParams,
    body: DisplayConfig,
    responses: { 200: DisplayConfigResponse },
  }),
};
