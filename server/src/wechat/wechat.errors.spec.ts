import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/app-error';
import { WX_TOKEN_ERRCODES, code2SessionError, platformError } from './wechat.errors';

describe('code2SessionError', () => {
  it.each([
    [40029, 'WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED],
    [41008, 'WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED],
    [40163, 'WECHAT_CODE_USED', HttpStatus.UNAUTHORIZED],
    [45011, 'WECHAT_RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS],
    [40226, 'WECHAT_USER_BLOCKED', HttpStatus.FORBIDDEN],
    [-1, 'WECHAT_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE],
    [41002, 'WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE],
    [41004, 'WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE],
    [40125, 'WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE],
    [40013, 'WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE],
    [99999, 'WECHAT_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE],
  ])('maps errcode %i to %s / %i', (errcode, code, status) => {
    const err = code2SessionError(errcode);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
  });
});

describe('platformError', () => {
  it('blames the configuration for credential errors and WeChat for the rest', () => {
    expect(platformError(40164).code).toBe('WECHAT_MISCONFIGURED');
    expect(platformError(40243).code).toBe('WECHAT_MISCONFIGURED');
    expect(platformError(45009).code).toBe('WECHAT_UNAVAILABLE');
    expect(platformError(-1).code).toBe('WECHAT_UNAVAILABLE');
  });

  it('treats only 40001, 40014 and 42001 as token errors', () => {
    expect([...WX_TOKEN_ERRCODES].sort()).toEqual([40001, 40014, 42001]);
  });
});
