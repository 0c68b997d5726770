import { HttpStatus } from '@nestjs/common';
import { AppError } from '../common/app-error';

// WeChat errcodes we act on (docs/wechat.md). Match on errcode only, never on errmsg.
export const WX_OK = 0;
export const WX_BUSY = -1;
/** Token errors: drop the cached token, fetch a new one, retry the call once. */
export const WX_TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
/** Subscribe message refused or no quota left: spend the quota, never retry. */
export const WX_SUBSCRIBE_REFUSED = 43101;

/** Our app's credentials are wrong or missing: retrying cannot help, an operator must act. */
const MISCONFIGURED_ERRCODES: ReadonlySet<number> = new Set([
  40002, // invalid grant_type
  40013, // invalid appid
  40125, // invalid secret
  40164, // caller IP not in whitelist
  40243, // secret frozen
  41002, // appid missing
  41004, // secret missing
  48001, // api unauthorized
]);

/** The AppError for a failed jscode2session answer (WX_BUSY included, once retries are spent). */
export function code2SessionError(errcode: number): AppError {
  switch (errcode) {
    case 40029:
    case 41008: // code missing: the client sent nothing usable
      return new AppError('WECHAT_CODE_INVALID', HttpStatus.UNAUTHORIZED);
    case 40163:
      return new AppError('WECHAT_CODE_USED', HttpStatus.UNAUTHORIZED);
    case 45011:
      return new AppError('WECHAT_RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS);
    case 40226:
      return new AppError('WECHAT_USER_BLOCKED', HttpStatus.FORBIDDEN);
    default:
      return platformError(errcode);
  }
}

/**
 * The AppError for a failed getuserphonenumber answer. A bad phone code is the client's to fix (ask the
 * user to tap again): 422 on `code`, never 401 — the user's login is still good.
 */
export function phoneNumberError(errcode: number): AppError {
  switch (errcode) {
    case 40029:
    case 41008: {
      // The message itself says what to do: the mini-program shows it as the toast.
      const message = '手机号授权已失效，请重新点击“绑定手机号”';
      return new AppError('VALIDATION_FAILED', HttpStatus.UNPROCESSABLE_ENTITY, { code: message }, message);
    }
    case 45011:
      return new AppError('WECHAT_RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS);
    default:
      return platformError(errcode);
  }
}

/**
 * The AppError for a failed getwxacodeunlimit answer: a bad scene or page (40169, 40129, 41030: the page
 * is not in the released version) is ours to fix, 45009 is WeChat's rate limit.
 */
export function wxaCodeError(errcode: number): AppError {
  switch (errcode) {
    case 40169:
    case 40129:
    case 41030:
      return new AppError('WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE);
    case 45009:
      return new AppError('WECHAT_RATE_LIMITED', HttpStatus.TOO_MANY_REQUESTS);
    default:
      return platformError(errcode);
  }
}

/** The AppError for a failed call where the user is not at fault (token fetch, busy, unknown codes). */
export function platformError(errcode: number): AppError {
  return MISCONFIGURED_ERRCODES.has(errcode)
    ? new AppError('WECHAT_MISCONFIGURED', HttpStatus.SERVICE_UNAVAILABLE)
    : wechatUnavailable();
}

export function wechatUnavailable(): AppError {
  return new AppError('WECHAT_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE);
}

/** Codes that deserve an error-level log (someone must fix the configuration). */
export function isMisconfiguration(errcode: number): boolean {
  return MISCONFIGURED_ERRCODES.has(errcode);
}
