/// <reference types="jest" />
import { extractInvitationCode, invitationCodeFromParams, isInvitationCode } from './join-code';

const CODE = 'AB12CD34';
const JOIN_URL = `https://aqhz.example.cn/packages/org/pages/join/index?code=${CODE}`;

describe('invitationCodeFromParams', () => {
  it('takes the code param, upper-cased', () => {
    expect(invitationCodeFromParams({ code: CODE })).toBe(CODE);
    expect(invitationCodeFromParams({ code: 'ab12cd34' })).toBe(CODE);
  });

  it('decodes a mini-program code scene: a bare code or code=…, URL-encoded by WeChat', () => {
    expect(invitationCodeFromParams({ scene: CODE })).toBe(CODE);
    expect(invitationCodeFromParams({ scene: encodeURIComponent(`code=${CODE}`) })).toBe(CODE);
    expect(invitationCodeFromParams({ scene: `code%3D${CODE}` })).toBe(CODE);
  });

  it('decodes an ordinary QR code: q is the join URL encoded once', () => {
    expect(invitationCodeFromParams({ q: encodeURIComponent(JOIN_URL), scancode_time: '1764400000' })).toBe(CODE);
    // a URL with more parameters around the code
    const url = `https://aqhz.example.cn/packages/org/pages/join/index?from=poster&code=${CODE}&v=2`;
    expect(invitationCodeFromParams({ q: encodeURIComponent(url) })).toBe(CODE);
  });

  it('prefers code over scene over q', () => {
    expect(invitationCodeFromParams({ code: CODE, scene: 'ZZZZ9999', q: encodeURIComponent(JOIN_URL) })).toBe(CODE);
    expect(invitationCodeFromParams({ scene: 'ZZZZ9999', q: encodeURIComponent(JOIN_URL) })).toBe('ZZZZ9999');
  });

  it('falls through a broken param to the next one', () => {
    expect(invitationCodeFromParams({ code: 'nope', scene: CODE })).toBe(CODE);
    expect(invitationCodeFromParams({ scene: '%E0%A4%A', q: encodeURIComponent(JOIN_URL) })).toBe(CODE);
  });

  it('returns null when nothing carries a code', () => {
    expect(invitationCodeFromParams({})).toBeNull();
    expect(invitationCodeFromParams({ scene: encodeURIComponent('x=1') })).toBeNull();
    expect(invitationCodeFromParams({ q: encodeURIComponent('https://aqhz.example.cn/pages/home/index') })).toBeNull();
    // Taro's own router params are ignored
    expect(invitationCodeFromParams({ $taroTimestamp: '1764400000000', stamp: '3' })).toBeNull();
  });
});

describe('extractInvitationCode (scan results and typed input)', () => {
  it('reads a bare code, with spaces around or in lower case', () => {
    expect(extractInvitationCode(CODE)).toBe(CODE);
    expect(extractInvitationCode(`  ${CODE.toLowerCase()}\n`)).toBe(CODE);
  });

  it('reads the join URL a QR code holds, plain or encoded', () => {
    expect(extractInvitationCode(JOIN_URL)).toBe(CODE);
    expect(extractInvitationCode(encodeURIComponent(JOIN_URL))).toBe(CODE);
    // the path WeChat reports for the app's own codes
    expect(extractInvitationCode(`packages/org/pages/join/index?code=${CODE}`)).toBe(CODE);
  });

  it('rejects garbage, wrong lengths and codes glued to more characters', () => {
    for (const bad of [undefined, null, '', '   ', 'AB12CD3', 'AB12CD345', 'AB12-CD34', '中文邀请码八个字', 'https://example.cn/?code=AB12CD345', 'https://example.cn/?xcode=AB12CD34', '%E0%A4%A']) {
      expect(extractInvitationCode(bad)).toBeNull();
    }
  });
});

describe('isInvitationCode', () => {
  it('accepts only 8 upper-case letters or digits', () => {
    expect(isInvitationCode(CODE)).toBe(true);
    expect(isInvitationCode('ab12cd34')).toBe(false);
    expect(isInvitationCode('AB12CD3')).toBe(false);
  });
});
