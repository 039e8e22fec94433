/**
 * A Fetch handler in `node:http` and Express: the request becomes a Fetch `Request` (its body
 * streamed, or the one a middleware such as `express.json()` already parsed), and the
 * `Response` is written back.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { FetchHandler } from './receiver.js';

export type NodeHandler = (
  req: IncomingMessage & { body?: unknown; originalUrl?: string },
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>;

/**
 * `handler` as `(req, res, next?)`. Never rejects: a failure goes to `next` when there is one
 * (Express), otherwise it is logged and answered with a 500.
 */
export function toNodeHandler(handler: FetchHandler): NodeHandler {
  return async (req, res, next) => {
    try {
      const response = await handler(toRequest(req));
      res.statusCode = response.status;
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') res.setHeader(name, value);
      });
      const cookies = response.headers.getSetCookie();
      if (cookies.length) res.setHeader('Set-Cookie', cookies);
      // Whatever of the body is unread (a 413) is not worth keeping the connection for.
      if (!req.complete && req.body === undefined) res.setHeader('Connection', 'close');
      if (!response.body || req.method === 'HEAD') {
        res.end();
        return;
      }
      Readable.fromWeb(response.body as never).pipe(res);
    } catch (error) {
      if (next) return next(error);
      console.error(error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Something went wrong on our side.');
    }
  };
}

function toRequest(req: IncomingMessage & { body?: unknown; originalUrl?: string }): Request {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    for (const value of values ?? []) headers.append(name, value);
  }
  const url = requestUrl(req);
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  if (req.body !== undefined) {
    // The middleware consumed the stream and undid any compression: hand on what it made.
    headers.delete('content-length');
    headers.delete('content-encoding');
    headers.delete('transfer-encoding');
    const body =
      req.body instanceof Uint8Array || typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    return new Request(url, { method, headers, body });
  }
  return new Request(url, { method, headers, body: streamOf(req), duplex: 'half' } as RequestInit);
}

function requestUrl(req: IncomingMessage & { originalUrl?: string }): string {
  const path = req.originalUrl ?? req.url ?? '/';
  try {
    return new URL(path, `http://${req.headers.host ?? 'localhost'}`).href;
  } catch {
    return new URL(path.startsWith('/') ? path : '/', 'http://localhost').href;
  }
}

/** The body as a web stream. Cancelling pauses rather than destroys: the socket must carry the answer. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const settle = (end: () => void) => {
        if (settled) return;
        settled = true;
        end();
      };
      req.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => settle(() => controller.close()));
      req.on('error', (error) => settle(() => controller.error(error)));
      req.on('close', () => {
        if (!req.complete) settle(() => controller.error(new Error('The request was cut off.')));
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      settled = true;
      req.pause();
    },
  });
}
