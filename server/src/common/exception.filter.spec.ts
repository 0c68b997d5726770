import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { errorBody, toErrorResponse } from './exception.filter';

const INTERNAL_MESSAGE = '服务器开小差了，请稍后再试';

/** A TypeORM query failure as the drivers raise it. */
const queryFailed = (driverMessage: string): QueryFailedError =>
  new QueryFailedError('INSERT INTO "enterprise" ("credit_code") VALUES (?)', ['91440300708461136T'], new Error(driverMessage));

describe('toErrorResponse', () => {
  describe('AppError', () => {
    it('keeps its status, code and default Chinese message, with no fields key', () => {
      const res = toErrorResponse(AppError.notFound());
      expect(res.status).toBe(404);
      expect(res.body).toStrictEqual({ error: { code: 'NOT_FOUND', message: '记录不存在或无权查看' } });
    });

    it('keeps the fields of a validation error', () => {
      const res = toErrorResponse(AppError.validation({ 'enterprise.creditCode': '统一社会信用代码不正确', name: '必填' }));
      expect(res).toStrictEqual({
        status: 422,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: '提交的内容有误，请检查后重试',
            fields: { 'enterprise.creditCode': '统一社会信用代码不正确', name: '必填' },
          },
        },
      });
    });

    it('keeps an explicit message and code', () => {
      const res = toErrorResponse(AppError.conflict('ALREADY_MEMBER', '东港气体已是本合作社成员'));
      expect(res).toStrictEqual({
        status: 409,
        body: { error: { code: 'ALREADY_MEMBER', message: '东港气体已是本合作社成员' } },
      });
    });

    it.each([
      ['forbidden', 403, 'FORBIDDEN', '没有权限执行此操作', AppError.forbidden()],
      ['token expired', 401, 'TOKEN_EXPIRED', '登录已过期，请重新登录', new AppError('TOKEN_EXPIRED', HttpStatus.UNAUTHORIZED)],
      ['wechat down', 503, 'WECHAT_UNAVAILABLE', '微信服务暂时不可用，请稍后再试', new AppError('WECHAT_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE)],
    ])('%s → %i %s', (_name, status, code, message, err) => {
      expect(toErrorResponse(err)).toStrictEqual({ status, body: { error: { code, message } } });
    });
  });

  describe('Nest HTTP exceptions', () => {
    it('NotFoundException (no route) → 404 ROUTE_NOT_FOUND', () => {
      expect(toErrorResponse(new NotFoundException('Cannot GET /api/nope'))).toStrictEqual({
        status: 404,
        body: { error: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } },
      });
    });

    it('ThrottlerException → 429 RATE_LIMITED', () => {
      expect(toErrorResponse(new ThrottlerException())).toStrictEqual({
        status: 429,
        body: { error: { code: 'RATE_LIMITED', message: '操作太频繁，请稍后再试' } },
      });
      expect(toErrorResponse(new ThrottlerException('custom text')).body.error.code).toBe('RATE_LIMITED');
    });

    it.each<[string, number, string, HttpException]>([
      ['BadRequestException', 400, 'BAD_REQUEST', new BadRequestException()],
      ['UnauthorizedException', 401, 'UNAUTHENTICATED', new UnauthorizedException()],
      ['ForbiddenException', 403, 'FORBIDDEN', new ForbiddenException()],
      ['PayloadTooLargeException', 413, 'PAYLOAD_TOO_LARGE', new PayloadTooLargeException()],
      ['UnsupportedMediaTypeException', 415, 'UNSUPPORTED_MEDIA_TYPE', new UnsupportedMediaTypeException()],
      ['HttpException 429', 429, 'RATE_LIMITED', new HttpException('too many', 429)],
      ['ServiceUnavailableException', 503, 'SERVICE_UNAVAILABLE', new ServiceUnavailableException()],
      ['HttpException 418', 418, 'BAD_REQUEST', new HttpException('teapot', 418)],
      ['HttpException 502', 502, 'INTERNAL', new HttpException('bad gateway', 502)],
    ])('%s → %i %s', (_name, status, code, err) => {
      const res = toErrorResponse(err);
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
    });

    it("replaces the exception's own text with the Chinese message (nothing of it leaks)", () => {
      const res = toErrorResponse(new BadRequestException('Unexpected token } in JSON at position 12 /srv/app/x.ts'));
      expect(res.body).toStrictEqual({ error: { code: 'BAD_REQUEST', message: '请求格式不正确' } });
    });
  });

  describe('database errors', () => {
    it.each([
      ['sqlite', 'SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: enterprise.credit_code'],
      ['mariadb', "Duplicate entry '91440300708461136T' for key 'IDX_enterprise_credit_code'"],
    ])('a %s duplicate key → 409 CONFLICT without the SQL', (_db, message) => {
      const res = toErrorResponse(queryFailed(message));
      expect(res).toStrictEqual({
        status: 409,
        body: { error: { code: 'CONFLICT', message: '当前状态不允许此操作' } },
      });
      const json = JSON.stringify(res.body);
      expect(json).not.toContain('INSERT');
      expect(json).not.toContain('credit_code');
      expect(json).not.toContain('91440300708461136T');
    });

    it('another query failure → 500 INTERNAL without the SQL', () => {
      const res = toErrorResponse(queryFailed('SQLITE_ERROR: no such table: enterprise'));
      expect(res).toStrictEqual({ status: 500, body: { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } } });
    });

    /** A driver error as mysql2 or better-sqlite3 raises it, inside TypeORM's QueryFailedError or bare. */
    const driverFailure = (props: Record<string, unknown>, message = 'driver says no'): Error => Object.assign(new Error(message), props);
    const wrapped = (props: Record<string, unknown>, message?: string): QueryFailedError =>
      new QueryFailedError('UPDATE invitations SET uses = uses + 1', [], driverFailure(props, message));
    const UNAVAILABLE = {
      status: 503,
      body: { error: { code: 'DB_UNAVAILABLE', message: '数据库暂时不可用，请稍后再试' } },
      headers: { 'Retry-After': '5' },
    };

    it.each<[string, unknown]>([
      ['MariaDB lock wait timeout (1205)', wrapped({ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' })],
      ['SQLite busy', wrapped({ code: 'SQLITE_BUSY' }, 'database is locked')],
      ['SQLite locked', wrapped({ code: 'SQLITE_LOCKED_SHAREDCACHE' })],
      ['connection refused (no pool connection yet)', driverFailure({ code: 'ECONNREFUSED', errno: -111 })],
      ['connect timeout (accepts, never answers)', driverFailure({ code: 'ETIMEDOUT', fatal: true })],
      ['query inactivity timeout', wrapped({ code: 'PROTOCOL_SEQUENCE_TIMEOUT', fatal: true }, 'Query inactivity timeout')],
      ['connection lost mid-query', wrapped({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true })],
      ['too many connections', wrapped({ code: 'ER_CON_COUNT_ERROR', errno: 1040 })],
      ['server shutting down', wrapped({ code: 'ER_SERVER_SHUTDOWN', errno: 1053 })],
      ['closed connection', driverFailure({}, "Can't add new command when connection is in closed state")],
    ])('%s → 503 DB_UNAVAILABLE with Retry-After, nothing leaked', (_name, err) => {
      const res = toErrorResponse(err);
      expect(res).toStrictEqual(UNAVAILABLE);
      expect(JSON.stringify(res.body)).not.toMatch(/UPDATE|ECONN|SQLITE|timeout/i);
    });

    it('a deadlock that outlived the retries → 409 DB_CONFLICT', () => {
      expect(toErrorResponse(wrapped({ errno: 1213, code: 'ER_LOCK_DEADLOCK' }))).toStrictEqual({
        status: 409,
        body: { error: { code: 'DB_CONFLICT', message: '有人正在同时修改，请稍后重试' } },
      });
    });

    it.each([
      ['SQLite', { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }],
      ['MariaDB missing parent (1452)', { errno: 1452, code: 'ER_NO_REFERENCED_ROW_2' }],
      ['MariaDB still referenced (1451)', { errno: 1451, code: 'ER_ROW_IS_REFERENCED_2' }],
    ])('a %s foreign key refusal → 409 CONFLICT', (_name, props) => {
      expect(toErrorResponse(wrapped(props)).status).toBe(409);
      expect(toErrorResponse(wrapped(props)).body.error.code).toBe('CONFLICT');
    });

    it('a syntax error is still a 500 (a bug, not a bad day)', () => {
      expect(toErrorResponse(wrapped({ errno: 1064, code: 'ER_PARSE_ERROR' })).status).toBe(500);
    });

    it('a plain Error mentioning "Duplicate entry" is not a database conflict', () => {
      expect(toErrorResponse(new Error("Duplicate entry 'x' for key 'y'")).status).toBe(500);
    });
  });

  describe('anything else', () => {
    it('a plain Error → 500 INTERNAL that leaks none of its message', () => {
      const res = toErrorResponse(new Error('SELECT * FROM secret_table at /srv/x.ts:1'));
      expect(res).toStrictEqual({ status: 500, body: { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } } });
      const json = JSON.stringify(res.body);
      for (const leak of ['SELECT', '/srv', 'secret', 'x.ts', 'stack', 'at ']) expect(json).not.toContain(leak);
    });

    it.each([['a string', 'boom at /srv/x.ts'], ['null', null], ['undefined', undefined], ['an object', { sql: 'SELECT 1' }]])(
      'throwing %s → 500 INTERNAL',
      (_what, thrown) => {
        expect(toErrorResponse(thrown)).toStrictEqual({
          status: 500,
          body: { error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } },
        });
      },
    );
  });
});

describe('errorBody', () => {
  it('uses the default message of the code and adds fields only when given', () => {
    expect(errorBody('FORBIDDEN')).toStrictEqual({ error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } });
    expect(errorBody('VALIDATION_FAILED', undefined, { a: 'b' })).toStrictEqual({
      error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查后重试', fields: { a: 'b' } },
    });
    expect(errorBody('CONFLICT', '已销号的隐患不能再验收')).toStrictEqual({
      error: { code: 'CONFLICT', message: '已销号的隐患不能再验收' },
    });
  });
});
