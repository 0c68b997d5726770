import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// errmsg texts as WeChat words them (approximately; clients must match errcode only).
const ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'high risk user',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41030: 'invalid page',
  42001: 'access_token expired',
  43002: 'require POST method',
  43101: 'user refuse to accept the msg',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  47003: 'argument invalid!',
};

const MAX_BODY = 1 << 20;

/** `, rid: xxxxxxxx-xxxxxxxx-xxxxxxxx` as WeChat appends it to every errmsg. */
export function rid(): string {
  return [0, 1, 2].map(() => randomBytes(4).toString('hex')).join('-');
}

export function errmsg(errcode: number, detail?: string): string {
  const text = ERRMSG[errcode] ?? 'unknown error';
  return `${detail ? `${text} ${detail}` : text}, rid: ${rid()}`;
}

export type ContentKind = 'json' | 'text';

/** WeChat answers errors with HTTP 200; jscode2session labels its JSON text/plain. */
export function sendJson(res: ServerResponse, body: unknown, kind: ContentKind = 'json', status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': kind === 'text' ? 'text/plain' : 'application/json; encoding=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendWxError(res: ServerResponse, errcode: number, kind: ContentKind = 'json', detail?: string): void {
  sendJson(res, { errcode, errmsg: errmsg(errcode, detail) }, kind);
}

/** Reads a request body: parsed JSON, undefined when empty, or the symbol INVALID_JSON. */
export const INVALID_JSON = Symbol('INVALID_JSON');

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return INVALID_JSON;
    parts.push(chunk as Buffer);
  }
  const text = Buffer.concat(parts).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** A random string over WeChat's usual alphabet for codes, openids and tokens. */
export function randomId(length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
