import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { type ApiErrorBody, type ErrorCode, errorMessage } from '../../../shared/errors';
import { isConnectionFailure, isDeadlock, isForeignKeyViolation, isLockTimeout, isUniqueViolation } from '../database/db-errors';
import { AppError } from './app-error';

/** Seconds a client should wait before retrying when the database is unavailable or busy. */
export const DB_RETRY_AFTER_SECONDS = 5;

export interface ErrorResponse {
  status: number;
  body: ApiErrorBody;
  headers?: Record<string, string>;
}

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'ROUTE_NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export function errorBody(code: ErrorCode, message?: string, fields?: Record<string, string>): ApiErrorBody {
  return { error: { code, message: message ?? errorMessage(code), ...(fields ? { fields } : {}) } };
}

/** Maps anything thrown to the error shape of docs/api.md; never leaks stacks, SQL or paths. */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof AppError) {
    return { status: exception.status, body: errorBody(exception.code, exception.message, exception.fields) };
  }
  if (exception instanceof ThrottlerException) {
    return { status: HttpStatus.TOO_MANY_REQUESTS, body: errorBody('RATE_LIMITED') };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'BAD_REQUEST');
    return { status, body: errorBody(code) };
  }
  // Database trouble is the client's to retry, never a 500: a deadlock that outlived the transaction
  // retries is a conflict; a busy or unreachable database is temporary.
  if (isDeadlock(exception)) return { status: HttpStatus.CONFLICT, body: errorBody('DB_CONFLICT') };
  if (isLockTimeout(exception) || isConnectionFailure(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: errorBody('DB_UNAVAILABLE'),
      headers: { 'Retry-After': String(DB_RETRY_AFTER_SECONDS) },
    };
  }
  if (isUniqueViolation(exception) || (exception instanceof QueryFailedError && /UNIQUE|Duplicate entry/i.test(exception.message))) {
    return { status: HttpStatus.CONFLICT, body: errorBody('CONFLICT') };
  }
  // A reference to a row that is gone (or a row still referenced): the state changed under the request.
  if (isForeignKeyViolation(exception)) return { status: HttpStatus.CONFLICT, body: errorBody('CONFLICT') };
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: errorBody('INTERNAL') };
}

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body, headers } = toErrorResponse(exception);
    if (body.error.code === 'DB_UNAVAILABLE') this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    if (headers) res.set(headers);
    res.status(status).json(body);
  }
}
