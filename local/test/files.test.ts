/**
 * The local cloud's file storage: request photos uploaded through the gateway (JPEG/PNG by their
 * bytes, ≤ 2 MB, a caller, a path the store picks in the caller's folder), `cloud.getTempFileURL`
 * through the real SDK answering signed links, and the gateway serving a file only behind a valid,
 * unexpired signature — the only authorisation an <Image> request has.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { photoFolderOf } from '@nuanxin/cloudfunctions/_lib/files';

import { startGateway, type Gateway, type LocalCloud } from '../src';
import { MAX_UPLOAD_BYTES, sniffImage } from '../src/files';

import { httpRequest, newCloud, rejection, wxSdk, type HttpReply } from './helpers';

// A 1×1 PNG and the first bytes of a JPEG (the store looks at the signature, not the pixels).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

let now = new Date('2026-11-20T07:00:00Z');
let local: LocalCloud;
let gateway: Gateway;
beforeEach(async () => {
  now = new Date('2026-11-20T07:00:00Z');
  local = await newCloud({ clock: () => now });
  gateway = await startGateway({ cloud: local, port: 0 });
});
afterEach(async () => {
  await gateway.close();
  await local.close();
});

const send = (
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: Buffer | string } = {},
) => httpRequest(gateway.port, method, path, opts);
const upload = (body: Buffer | string, headers: Record<string, string>, path = '/cloud-upload') =>
  send('POST', path, { headers, body });
const json = (reply: HttpReply) => JSON.parse(reply.body.toString()) as any;

function expectRefused(reply: HttpReply, status: number, code: string, message: RegExp) {
  expect(reply.status).toBe(status);
  expect(json(reply)).toEqual({
    ok: false,
    error: { code, message: expect.stringMatching(message) },
  });
  expect(reply.body.toString()).not.toMatch(/\bat .+:\d+:\d+|Error:/);
}

async function uploaded(openid: string, bytes: Buffer = PNG, type = 'image/png') {
  const reply = await upload(bytes, { 'Content-Type': type, 'X-WX-OPENID': openid });
  expect(reply.status).toBe(200);
  return json(reply).data.fileID as string;
}

/** Links for fileIDs through the real SDK inside an invocation, as a function gets them. */
function tempUrls(fileList: unknown[]): Promise<any> {
  return local.runAs({ openid: 'o-reader' }, () => wxSdk().getTempFileURL({ fileList }));
}

describe('sniffImage', () => {
  it.each([
    ['PNG', 'image/png', PNG],
    ['JPEG', 'image/jpeg', JPEG],
    ['GIF', null, Buffer.from('GIF89a\u0001\u0000\u0001\u0000')],
    ['HTML', null, Buffer.from('<html><script>alert(1)</script></html>')],
    ['a PNG signature alone', null, PNG.subarray(0, 8)],
  ])('%s → %s', (_name, type, bytes) => {
    expect(sniffImage(bytes)?.type ?? null).toBe(type);
  });
});

describe('POST /cloud-upload', () => {
  it('stores a PNG or JPEG in the caller’s own folder under a name the store picks', async () => {
    const png = await uploaded('o-citizen');
    const jpg = await uploaded('o-citizen', JPEG, 'image/jpeg');
    const folder = photoFolderOf('o-citizen');
    expect(folder).toMatch(/^requests\/[0-9a-f]{32}$/);
    expect(folder).not.toContain('o-citizen');
    expect(png).toMatch(new RegExp(`^cloud://local/${folder}/[0-9a-f]{32}\\.png$`));
    expect(jpg).toMatch(new RegExp(`^cloud://local/${folder}/[0-9a-f]{32}\\.jpg$`));
    // Another caller, another folder.
    const other = await uploaded('o-other');
    expect(other).not.toContain(folder);
    expect(local.files.list()).toHaveLength(3);
  });

  it('ignores any path the client names (query or header)', async () => {
    const reply = await upload(
      PNG,
      {
        'Content-Type': 'image/png',
        'X-WX-OPENID': 'o-citizen',
        'X-Cloud-Path': '../../etc/passwd',
      },
      '/cloud-upload?cloudPath=requests/someone-else/x.png',
    );
    expect(reply.status).toBe(200);
    expect(json(reply).data.fileID).toMatch(
      new RegExp(`^cloud://local/${photoFolderOf('o-citizen')}/[0-9a-f]{32}\\.png$`),
    );
  });

  it('the bytes decide the type: a JPEG declared image/png is stored as .jpg', async () => {
    expect(await uploaded('o-citizen', JPEG, 'image/png')).toMatch(/\.jpg$/);
  });

  it.each([
    ['no openid', { 'Content-Type': 'image/png' }, PNG, 401, 'UNAUTHENTICATED', /登录/],
    [
      'not an image (HTML declared image/png)',
      { 'Content-Type': 'image/png', 'X-WX-OPENID': 'o-citizen' },
      Buffer.from('<html><script>alert(1)</script></html>'),
      415,
      'VALIDATION',
      /JPG 或 PNG/,
    ],
    [
      'a GIF',
      { 'Content-Type': 'image/png', 'X-WX-OPENID': 'o-citizen' },
      Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000'),
      415,
      'VALIDATION',
      /JPG 或 PNG/,
    ],
    [
      'a PNG sent as a form (a type cross-site pages can send)',
      { 'Content-Type': 'multipart/form-data; boundary=x', 'X-WX-OPENID': 'o-citizen' },
      PNG,
      415,
      'VALIDATION',
      /JPG 或 PNG/,
    ],
    [
      'nothing',
      { 'Content-Type': 'image/png', 'X-WX-OPENID': 'o-citizen' },
      Buffer.alloc(0),
      400,
      'VALIDATION',
      /没有收到照片/,
    ],
  ])('refuses %s and stores nothing', async (_name, headers, body, status, code, message) => {
    expectRefused(await upload(body, headers), status, code, message);
    expect(local.files.list()).toEqual([]);
  });

  it('refuses a photo over 2 MB, declared or streamed, and stores nothing', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES)]);
    const headers = { 'Content-Type': 'image/png', 'X-WX-OPENID': 'o-citizen' };
    expectRefused(await upload(big, headers), 413, 'VALIDATION', /2 MB/);
    // Without Content-Length (chunked): the gateway stops reading past the limit.
    const chunked = await upload(big, { ...headers, 'Transfer-Encoding': 'chunked' });
    expectRefused(chunked, 413, 'VALIDATION', /2 MB/);
    // Exactly 2 MB is still taken.
    const limit = Buffer.concat([PNG, Buffer.alloc(MAX_UPLOAD_BYTES - PNG.length)]);
    expect((await upload(limit, headers)).status).toBe(200);
    expect(local.files.list()).toHaveLength(1);
  });

  it('takes only POST', async () => {
    const reply = await send('GET', '/cloud-upload', { headers: { 'X-WX-OPENID': 'o-citizen' } });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });
});

describe('cloud.getTempFileURL and GET /cloud-file/…', () => {
  it('answers a signed 10-minute link per fileID, which serves the bytes with their type', async () => {
    const fileID = await uploaded('o-citizen');
    const res = await tempUrls([fileID]);
    expect(res.errMsg).toBe('getTempFileURL:ok');
    expect(res.fileList).toEqual([
      {
        fileID,
        status: 0,
        errMsg: 'ok',
        maxAge: undefined,
        tempFileURL: expect.stringMatching(
          /^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=\d+&sig=[\w-]+$/,
        ),
      },
    ]);
    const link = res.fileList[0].tempFileURL as string;
    expect(Number(new URL(link, gateway.url).searchParams.get('exp'))).toBe(
      now.getTime() / 1000 + 600,
    );
    const served = await send('GET', link);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.body.equals(PNG)).toBe(true);
  });

  it('honours maxAge ({ fileID, maxAge }), capped at a day', async () => {
    const fileID = await uploaded('o-citizen');
    const res = await tempUrls([
      { fileID, maxAge: 60 },
      { fileID, maxAge: 7 * 24 * 3600 },
    ]);
    const exps = res.fileList.map((f: any) =>
      Number(new URL(f.tempFileURL, gateway.url).searchParams.get('exp')),
    );
    expect(exps).toEqual([now.getTime() / 1000 + 60, now.getTime() / 1000 + 86_400]);
  });

  it('a missing file, another environment’s or a malformed fileID: status -503003, no link', async () => {
    const fileID = await uploaded('o-citizen');
    const missing = fileID.replace(/[0-9a-f]{32}\.png$/, `${'0'.repeat(32)}.png`);
    const res = await tempUrls([
      missing,
      fileID.replace('cloud://local/', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/'),
      'cloud://local/../data-key',
      'https://example.com/x.png',
    ]);
    for (const item of res.fileList) {
      expect(item).toMatchObject({
        status: -503003,
        tempFileURL: '',
        errMsg: 'storage file not exists',
      });
    }
  });

  it('bad parameters fail the call as the SDK does', async () => {
    for (const options of [
      {},
      { fileList: 'x' },
      { fileList: [{ fileID: 'cloud://local/a.png' }] },
      { fileList: [1] },
    ]) {
      const error = await rejection(
        local.runAs({ openid: 'o' }, () => wxSdk().getTempFileURL(options)),
      );
      expect(String(error.errMsg ?? error.message)).toMatch(/getTempFileURL:fail/);
    }
    const tooMany = Array.from({ length: 51 }, () => 'cloud://local/requests/a/b.png');
    const error = await rejection(
      local.runAs({ openid: 'o' }, () => wxSdk().getTempFileURL({ fileList: tooMany })),
    );
    expect(String(error.errMsg ?? error.message)).toMatch(/getTempFileURL:fail/);
  });

  it('a link stops working after it expires', async () => {
    const fileID = await uploaded('o-citizen');
    const link = (await tempUrls([fileID])).fileList[0].tempFileURL as string;
    now = new Date(now.getTime() + 599_000);
    expect((await send('GET', link)).status).toBe(200);
    now = new Date(now.getTime() + 1_000);
    expectRefused(await send('GET', link), 403, 'FORBIDDEN', /已过期/);
  });

  it('a tampered link serves nothing: signature, expiry, path or a missing part', async () => {
    const mine = await uploaded('o-citizen');
    const theirs = await uploaded('o-other');
    const link = (await tempUrls([mine])).fileList[0].tempFileURL as string;
    const url = new URL(link, gateway.url);
    const exp = url.searchParams.get('exp')!;
    const sig = url.searchParams.get('sig')!;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    const theirPath = `/cloud-file/${theirs.replace('cloud://local/', '')}`;
    for (const tampered of [
      `${url.pathname}?exp=${exp}&sig=${flipped}`,
      `${url.pathname}?exp=${Number(exp) + 3600}&sig=${sig}`,
      `${theirPath}?exp=${exp}&sig=${sig}`,
      `${url.pathname}?exp=${exp}`,
      `${url.pathname}?sig=${sig}`,
      url.pathname,
      `/cloud-file/requests/../../data-key?exp=${exp}&sig=${sig}`,
    ]) {
      const reply = await send('GET', tampered);
      expect({ tampered, status: reply.status }).toEqual({ tampered, status: 403 });
      expect(reply.body.equals(PNG)).toBe(false);
    }
  });

  it('another local cloud (another secret) does not honour this one’s links', async () => {
    const fileID = await uploaded('o-citizen');
    const link = (await tempUrls([fileID])).fileList[0].tempFileURL as string;
    const other = await newCloud();
    const otherGateway = await startGateway({ cloud: other, port: 0 });
    try {
      const reply = await httpRequest(otherGateway.port, 'GET', link);
      expect(reply.status).toBe(403);
    } finally {
      await otherGateway.close();
      await other.close();
    }
  });
});

describe('cloud.downloadFile and cloud.deleteFile', () => {
  const sdkAs = (body: (sdk: any) => Promise<any>): Promise<any> =>
    local.runAs({ openid: 'o-reader' }, () => body(wxSdk()));

  it('downloadFile answers the stored bytes, whatever they are', async () => {
    const fileID = await uploaded('o-citizen');
    const res = await sdkAs((sdk) => sdk.downloadFile({ fileID }));
    expect(res.statusCode).toBe(200);
    expect(Buffer.isBuffer(res.fileContent)).toBe(true);
    expect(res.fileContent.equals(PNG)).toBe(true);

    // Bytes a client put into storage directly, past the gateway's checks.
    const html = Buffer.from('<html>not a photo</html>');
    const placed = local.files.place(`${photoFolderOf('o-citizen')}/${'a'.repeat(32)}.png`, html);
    const raw = await sdkAs((sdk) => sdk.downloadFile({ fileID: placed }));
    expect(raw.fileContent.equals(html)).toBe(true);
    // The gateway still serves only images.
    expect(local.files.read(placed.replace('cloud://local/', ''))).toBeNull();
  });

  it('downloadFile of a missing, foreign or malformed fileID fails with -503003; bad params fail', async () => {
    const fileID = await uploaded('o-citizen');
    for (const missing of [
      fileID.replace(/[0-9a-f]{32}\.png$/, `${'0'.repeat(32)}.png`),
      fileID.replace('cloud://local/', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/'),
      'cloud://local/../data-key',
    ]) {
      const error = await rejection(sdkAs((sdk) => sdk.downloadFile({ fileID: missing })));
      expect({ missing, errCode: error.errCode }).toEqual({ missing, errCode: -503003 });
    }
    for (const options of [{}, { fileID: '' }, { fileID: 1 }]) {
      const error = await rejection(sdkAs((sdk) => sdk.downloadFile(options)));
      expect(String(error.errMsg ?? error.message)).toMatch(/downloadFile:fail/);
    }
  });

  it('deleteFile removes the files, one status per fileID; bad params fail the call', async () => {
    const mine = await uploaded('o-citizen');
    const theirs = await uploaded('o-other');
    const missing = mine.replace(/[0-9a-f]{32}\.png$/, `${'0'.repeat(32)}.png`);
    const res = await sdkAs((sdk) => sdk.deleteFile({ fileList: [mine, missing] }));
    expect(res.fileList).toEqual([
      { fileID: mine, status: 0, errMsg: 'ok' },
      expect.objectContaining({ fileID: missing, status: expect.any(Number) }),
    ]);
    expect(res.fileList[1].status).not.toBe(0);
    expect(local.files.list()).toEqual([theirs.replace('cloud://local/', '')]);
    for (const options of [{}, { fileList: 'x' }, { fileList: [''] }, { fileList: [1] }]) {
      const error = await rejection(sdkAs((sdk) => sdk.deleteFile(options)));
      expect(String(error.errMsg ?? error.message)).toMatch(/deleteFile:fail/);
    }
    expect(local.files.list()).toHaveLength(1);
  });
});

describe('under a data dir', () => {
  it('photos are files under <dataDir>/files and outlive a restart; old links do not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nuanxin-files-'));
    try {
      const first = await newCloud({ dataDir: dir, clock: () => now });
      const firstGateway = await startGateway({ cloud: first, port: 0 });
      const reply = await httpRequest(firstGateway.port, 'POST', '/cloud-upload', {
        headers: { 'Content-Type': 'image/png', 'X-WX-OPENID': 'o-citizen' },
        body: PNG,
      });
      const fileID = json(reply).data.fileID as string;
      const path = fileID.replace('cloud://local/', '');
      expect(readFileSync(join(dir, 'files', path)).equals(PNG)).toBe(true);
      const oldLink = first.files.signedUrl(path).url;
      await firstGateway.close();
      await first.close();

      const second = await newCloud({ dataDir: dir, clock: () => now });
      try {
        expect(second.files.list()).toEqual([path]);
        expect(second.files.read(path)?.bytes.equals(PNG)).toBe(true);
        const parsed = new URL(oldLink, 'http://x');
        expect(
          second.files.checkLink(
            path,
            parsed.searchParams.get('exp'),
            parsed.searchParams.get('sig'),
          ),
        ).toBe('invalid');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
