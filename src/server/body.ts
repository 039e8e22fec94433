/**
 * Reading a request's JSON body, wherever it comes from: a Fetch `Request` (Hono, Next.js,
 * Workers, the receiver), a `node:http` request, or one whose body a middleware such as
 * `express.json()` has already read.
 */
import type { IncomingMessage } from 'node:http';

/** Why a body could not be read; `status` is the HTTP answer it calls for. */
export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The default limit: five photos at the schema's size limit, plus the text fields. */
export const DEFAULT_LIMIT_BYTES = 40 * 1024 * 1024;

/** A Node request as Express and other frameworks leave it: maybe with its body already parsed. */
type NodeRequest = IncomingMessage & { body?: unknown };

/**
 * Reads a JSON request body of at most `limitBytes` bytes and parses it.
 * Throws `BodyError`: 415 unless it is uncompressed UTF-8 `application/json`, 413 when it is
 * larger than the limit (answer a Node request with `Connection: close`: the rest is left
 * unread), 400 when it is cut off, not UTF-8, not JSON, or was read by someone else already.
 */
export async function readJsonBody(source: Request | NodeRequest, limitBytes = DEFAULT_LIMIT_BYTES): Promise<unknown> {
  if (source instanceof Request) {
    checkHeaders((name) => source.headers.get(name), limitBytes);
    if (source.bodyUsed) throw alreadyRead();
    return parseBytes(await readStream(source.body, limitBytes));
  }
  const get = (name: string) => {
    const value = source.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  };
  if (source.body !== undefined) {
    // A middleware read it and undid any compression; its own size limit applied.
    checkHeaders(get, limitBytes, { decoded: true });
    if (!(source.body instanceof Uint8Array) && typeof source.body !== 'string') return source.body;
    return parseBytes(typeof source.body === 'string' ? Buffer.from(source.body) : source.body, limitBytes);
  }
  checkHeaders(get, limitBytes);
  if (source.readableEnded) throw alreadyRead();
  return parseBytes(await readNode(source, limitBytes));
}

/**
 * Checks what the headers announce. `decoded`: a middleware has already undone any
 * Content-Encoding, so only the media type and charset still matter.
 */
export function checkHeaders(
  get: (name: string) => string | null,
  limitBytes: number,
  { decoded = false } = {},
): void {
  const [mediaType = '', ...params] = (get('content-type') ?? '').split(';');
  if (mediaType.trim().toLowerCase() !== 'application/json') {
    throw new BodyError(415, 'Send the request with Content-Type: application/json.');
  }
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new BodyError(415, 'Send the request body as UTF-8.');
  }
  if (decoded) return;
  const encoding = get('content-encoding')?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new BodyError(415, 'Send the request body uncompressed.');
  }
  // Refuse early what is announced too large, before a single byte arrives.
  if (Number(get('content-length')) > limitBytes) throw tooLarge(limitBytes);
}

const tooLarge = (limitBytes: number) =>
  new BodyError(413, `The request body is larger than ${limitBytes} bytes.`);

const alreadyRead = () => new BodyError(400, 'The request body was already read by another handler.');

function parseBytes(bytes: Uint8Array, limitBytes = Infinity): unknown {
  if (bytes.length > limitBytes) throw tooLarge(limitBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BodyError(400, 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'The request body is not valid JSON.');
  }
}

async function readStream(body: ReadableStream<Uint8Array> | null, limitBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limitBytes) {
        // Stop reading; the Node adapter closes the connection after the 413.
        void reader.cancel().catch(() => {});
        throw tooLarge(limitBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, 'The request body was cut off.');
  }
  return Buffer.concat(chunks, size);
}

function readNode(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData).off('end', onEnd).off('error', onCutOff).off('close', onClose);
    };
    const fail = (error: BodyError) => {
      stop();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        // Pausing, not destroying: the socket must stay open to carry the 413.
        req.pause();
        fail(tooLarge(limitBytes));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onCutOff = () => fail(new BodyError(400, 'The request body was cut off.'));
    const onClose = () => {
      if (!req.complete) onCutOff();
    };
    req.on('data', onData).on('end', onEnd).on('error', onCutOff).on('close', onClose);
  });
}
