import { HttpStatus } from '@nestjs/common';
import { type ErrorCode, errorMessage } from '../../../shared/errors';

/** The one exception services throw; the exception filter turns it into the error shape of docs/api.md. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: HttpStatus,
    readonly fields?: Record<string, string>,
    message?: string,
  ) {
    super(message ?? errorMessage(code));
  }

  static notFound(): AppError {
    return new AppError('NOT_FOUND', HttpStatus.NOT_FOUND);
  }

  static forbidden(): AppError {
    return new AppError('FORBIDDEN', HttpStatus.FORBIDDEN);
  }

  static conflict(code: ErrorCode = 'CONFLICT', message?: string): AppError {
    return new AppError(code, HttpStatus.CONFLICT, undefined, message);
  }

  static validation(fields: Record<string, string>): AppError {
    return new AppError('VALIDATION_FAILED', HttpStatus.UNPROCESSABLE_ENTITY, fields);
  }
}
