import { httpStatusOf, isSkrError, type ApiError } from '@skr/protocol';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import { pickLang, refusalText, userMessage } from './error-messages';
import { invalidRequest } from './validation-error';

/**
 * The one error handler of the HTTP API: known failures keep their code and reason; anything
 * unexpected is logged and answered as INTERNAL without a stack.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError, req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const err = invalidRequest(raw) ?? raw;
    let body: ApiError;
    let status: number;
    if (isSkrError(err)) {
      status = httpStatusOf(err.code);
      body = {
        code: err.code,
        message: refusalText(err.details, lang) ?? userMessage(err.code, lang, err.message),
        details: err.details,
      };
    } else if (err.statusCode === 429) {
      status = 429;
      body = { code: 'RATE_LIMITED', message: userMessage('RATE_LIMITED', lang) };
    } else if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own: malformed JSON, wrong content type, body too large.
      status = err.statusCode;
      body = { code: 'INVALID', message: userMessage('INVALID', lang, err.message) };
    } else {
      req.log.error({ err }, 'unexpected error');
      status = 500;
      body = { code: 'INTERNAL', message: userMessage('INTERNAL', lang) };
    }
    if (body.details === undefined) delete body.details;
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({
      code: 'NOT_FOUND',
      message: userMessage(
        'NOT_FOUND',
        pickLang(req.headers['accept-language']),
        `${req.method} ${req.url}`,
      ),
    });
  });
}

/**
 * Requests Node refuses before any route runs (headers over 16 kB, malformed request line)
 * get the same `{code, message}` body as every other error, then the connection closes.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  const body = JSON.stringify({
    code: 'INVALID',
    message: userMessage(
      'INVALID',
      'pl',
      tooLarge ? 'request headers too large' : 'malformed request',
    ),
  });
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
