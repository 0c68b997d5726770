// Uploads: the type is decided by the bytes, the size is capped, photos come back re-encoded without
// EXIF (no GPS), at most 1280 px, with a visible stamp band, and only people who may see them get them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let filesDir: string;
const tokens: Record<string, string> = {};
let workshopId: string;
let photo: Buffer;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'anquan-files-'));
  s = await startTestServer({ env: { FILES_DIR: filesDir } });
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'memberA2', 'memberB1']) tokens[u] = await b.token(u);
  workshopId = (
    await request(s.url)
      .post(`/api/enterprises/${w.a1.id}/workshops`)
      .set('Authorization', `Bearer ${tokens.memberA1}`)
      .send({ name: '冷库', riskLevel: 'yellow' })
  ).body.id;
  // A phone-like photo: 3000 × 2000, uniform grey-blue, with EXIF naming the phone and a GPS position.
  photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 120, g: 140, b: 160 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'TestPhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 25/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 31/1 0/1' },
    })
    .toBuffer();
});
afterAll(async () => {
  await s.close();
  rmSync(filesDir, { recursive: true, force: true });
});

const upload = (user: string, data: Buffer, filename: string, fields: Record<string, string> = {}, contentType?: string) => {
  let r = request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens[user]}`);
  for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
  return r.attach('file', data, contentType ? { filename, contentType } : filename);
};
const download = (user: string, path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`).buffer(true).parse(binary);

describe('photos', () => {
  let id: string;
  let stored: Buffer;

  test('a phone JPEG with EXIF GPS: 201, re-encoded ≤ 1280 px, no EXIF at all', async () => {
    const inMeta = await sharp(photo).metadata();
    expect(inMeta.exif).toBeDefined();
    expect(photo.includes(Buffer.from('TestPhoneMaker'))).toBe(true);

    const res = await upload('memberA1', photo, 'IMG_0001.jpg', { workshopId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mime: 'image/jpeg', width: 1280, height: 853, url: `/api/files/${res.body.id}`, thumbUrl: `/api/files/${res.body.id}/thumb` });
    id = res.body.id as string;

    const got = await download('memberA1', res.body.url);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    stored = got.body as Buffer;
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height]).toEqual([1280, 853]);
    expect(meta.exif).toBeUndefined();
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(stored.includes(Buffer.from('TestPhoneMaker'))).toBe(false);
  });

  test('it carries a visible stamp: a dark band with light text along the bottom, the rest untouched', async () => {
    const { data, info } = await sharp(stored).greyscale().raw().toBuffer({ resolveWithObject: true });
    const row = (y: number) => data.subarray(y * info.width, (y + 1) * info.width);
    const mean = (ys: number[]) => ys.reduce((sum, y) => sum + row(y).reduce((a, v) => a + v, 0) / info.width, 0) / ys.length;
    const plain = mean([10, 100, 400]); // the grey-blue of the input, ≈ 137 in grey
    const bottom = Array.from({ length: 60 }, (_, i) => info.height - 1 - i);
    expect(Math.abs(plain - 137)).toBeLessThan(8);
    expect(mean(bottom)).toBeLessThan(plain - 30); // the dark band
    const bright = bottom.reduce((n, y) => n + row(y).filter((v) => v > 200).length, 0);
    expect(bright).toBeGreaterThan(500); // the white letters
  });

  test('the thumbnail is about 320 px', async () => {
    const got = await download('memberA1', `/api/files/${id}/thumb`);
    expect(got.status).toBe(200);
    const meta = await sharp(got.body as Buffer).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
  });

  test('nobody else sees an unattached file: 404, also for the other tenant', async () => {
    for (const u of ['memberA2', 'memberB1', 'leadA']) {
      expect([u, (await download(u, `/api/files/${id}`)).status]).toEqual([u, 404]);
      expect([u, (await download(u, `/api/files/${id}/thumb`)).status]).toEqual([u, 404]);
    }
    expect((await request(s.url).get(`/api/files/${id}`)).status).toBe(401);
  });

  test('signed links (for <Image src>) work without a token until they expire; a changed one is 404', async () => {
    const res = await upload('memberA1', photo, 'c.jpg');
    const { signedUrl, signedThumbUrl } = res.body as { signedUrl: string; signedThumbUrl: string };
    expect(signedUrl).toMatch(new RegExp(`^/api/files/${res.body.id}/img\\?v=main&exp=\\d+&sig=[A-Za-z0-9_-]{32}$`));
    const main = await request(s.url).get(signedUrl).buffer(true).parse(binary);
    expect(main.status).toBe(200);
    expect(main.headers['content-type']).toBe('image/jpeg');
    expect((await sharp(main.body as Buffer).metadata()).width).toBe(1280);
    const thumb = await request(s.url).get(signedThumbUrl).buffer(true).parse(binary);
    expect((await sharp(thumb.body as Buffer).metadata()).width).toBe(320);
    // Another file's id, another variant, a changed expiry or signature: 404.
    expect((await request(s.url).get(signedUrl.replace(res.body.id, id))).status).toBe(404);
    expect((await request(s.url).get(signedThumbUrl.replace('v=thumb', 'v=main'))).status).toBe(404);
    expect((await request(s.url).get(signedUrl.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 3600}`))).status).toBe(404);
    expect((await request(s.url).get(signedUrl.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`))).status).toBe(404);
    expect((await request(s.url).get(signedUrl.replace(/&sig=.*/, ''))).status).toBe(422);
    s.clock.advance(8 * 3600_000);
    try {
      expect((await request(s.url).get(signedUrl)).status).toBe(404);
    } finally {
      s.clock.advance(-8 * 3600_000);
    }
  });

  test('stored under a random name, not the uploaded one', () => {
    const names = readdirSync(filesDir, { recursive: true }).map(String);
    expect(names.some((n) => n.includes('IMG_0001'))).toBe(false);
    expect(names.filter((n) => /[a-f0-9]{32}$/.test(n)).length).toBeGreaterThan(0);
  });

  test('PNG and WebP are taken and re-encoded as JPEG', async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 4, background: '#33aa55' } }).png().toBuffer();
    const webp = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3355aa' } }).webp().toBuffer();
    for (const [data, name] of [[png, 'a.png'], [webp, 'b.webp']] as const) {
      const res = await upload('memberA1', data, name);
      expect([name, res.status, res.body.mime, res.body.width]).toEqual([name, 201, 'image/jpeg', 400]);
    }
  });
});

test('a PDF is kept as it is, served as a download', async () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const res = await upload('memberA1', pdf, 'plan.bin');
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ mime: 'application/pdf', thumbUrl: null, width: null, size: pdf.length });
  const got = await download('memberA1', res.body.url);
  expect(got.headers['content-type']).toBe('application/pdf');
  expect((got.body as Buffer).equals(pdf)).toBe(true);
});

test('a fake image (text named .jpg, sent as image/jpeg) → 415', async () => {
  const res = await upload('memberA1', Buffer.from('this is not a photo at all\n'.repeat(20)), 'photo.jpg', {}, 'image/jpeg');
  expect(res.status).toBe(415);
  expect(res.body.error.code).toBe('UNSUPPORTED_FILE_TYPE');
});

test('JPEG magic number but no image behind it → 415; an HTML or SVG file → 415', async () => {
  const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
  expect((await upload('memberA1', broken, 'x.jpg')).status).toBe(415);
  expect((await upload('memberA1', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.svg')).status).toBe(415);
  expect((await upload('memberA1', Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', {}, 'image/png')).status).toBe(415);
});

test('11 MB → 413 FILE_TOO_LARGE naming the cap', async () => {
  const big = Buffer.concat([photo, Buffer.alloc(11 * 1024 * 1024)]);
  const res = await upload('memberA1', big, 'big.jpg');
  expect(res.status).toBe(413);
  expect(res.body.error.code).toBe('FILE_TOO_LARGE');
  expect(res.body.error.message).toContain('10 MB');
});

test('a workshop of another enterprise to stamp → 404; no file → 422; two files → 422', async () => {
  expect((await upload('memberB1', photo, 'a.jpg', { workshopId })).status).toBe(404);
  expect((await upload('memberA1', photo, 'a.jpg', { workshopId: 'no-such' })).status).toBe(404);
  const none = await request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens.memberA1}`).field('workshopId', workshopId);
  expect(none.status).toBe(422);
  expect(none.body.error.fields.file).toBeDefined();
  const two = await request(s.url)
    .post('/api/files')
    .set('Authorization', `Bearer ${tokens.memberA1}`)
    .attach('file', photo, 'a.jpg')
    .attach('file', photo, 'b.jpg');
  expect(two.status).toBe(422);
  const odd = await upload('memberA1', photo, 'a.jpg', { other: 'x' });
  expect(odd.status).toBe(422);
});

test('broken or non-multipart bodies: 400 / 415 / 422, never 500', async () => {
  const post = () => request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens.memberA1}`);
  expect((await post().set('Content-Type', 'multipart/form-data').send('--x\r\n')).status).toBe(400);
  const truncated = await post().set('Content-Type', 'multipart/form-data; boundary=XYZ').send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8\xff');
  expect([400, 415, 422]).toContain(truncated.status);
  expect((await post().set('Content-Type', 'text/plain').send('hello')).status).toBe(415);
  expect((await post().send({ file: 'x' })).status).toBe(422);
});
