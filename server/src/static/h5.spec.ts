import { acceptedEncodings } from './h5';

describe('acceptedEncodings', () => {
  it('prefers brotli, then gzip, as browsers offer them', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip, deflate')).toEqual(['gzip']);
  });
  it('honours q=0 (refused) and * (anything)', () => {
    expect(acceptedEncodings('br;q=0, gzip;q=0.8')).toEqual(['gzip']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*, br;q=0')).toEqual(['gzip']);
  });
  it('sends the plain file when nothing suitable is offered', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('BR;Q=0')).toEqual([]);
  });
});
