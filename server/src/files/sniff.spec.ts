import { sniffMime } from './sniff';

describe('sniffMime', () => {
  it('knows the four types by their first bytes', () => {
    expect(sniffMime(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe('image/jpeg');
    expect(sniffMime(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffMime(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'))).toBe('image/webp');
    expect(sniffMime(Buffer.from('%PDF-1.7\n'))).toBe('application/pdf');
  });
  it('refuses everything else, whatever it is called', () => {
    for (const b of ['GIF89a', '<svg/>', '<html>', 'RIFF\x10\x00\x00\x00WAVEfmt ', 'PK\x03\x04', '', '\xff\xd8']) {
      expect(sniffMime(Buffer.from(b, 'latin1'))).toBeNull();
    }
  });
});
