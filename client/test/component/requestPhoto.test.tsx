/**
 * A photo with a request (工单), against the real local cloud: every `fetch` of the page goes over
 * HTTP to the real gateway (`/cloud/<fn>` and `/cloud-upload`), which runs the real functions and
 * the file store. The citizen adds a photo (the platform's `chooseImage` is the boundary that is
 * stood in for), sees the thumbnail, can remove it; too big or not a JPEG/PNG is said at once;
 * the sent request carries it and the thread shows it; the caseworker's thread shows it too.
 */
import { request } from 'node:http';

import Taro from '@tarojs/taro';
import { act, fireEvent, render } from '@testing-library/react';

import {
  createLocalCloud,
  loadCloudFunctions,
  seedDemo,
  startGateway,
  type LocalCloud,
} from '@nuanxin/local';

import TasksPage from '../../src/packages/caseworker/tasks/index';
import HelpRequestsPage from '../../src/packages/seeker/help-requests/index';
import { clearSession, setDemoOpenid } from '../../src/services/session';

import { typeText } from './caseloadFixtures';
import { tap } from './helpers';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const LI = 'demo-citizen-2'; // 李秀英, one of 张敏's people (seed)
const ZHANG = 'demo-caseworker-370811';

const functions = loadCloudFunctions();
let cloud: LocalCloud;
let gateway: Awaited<ReturnType<typeof startGateway>>;
let uploads: number;

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** `fetch` for the page: the same request, sent to the real gateway. */
async function viaGateway(url: string, init: RequestInit = {}) {
  if (url === '/cloud-upload') uploads += 1;
  const body =
    init.body instanceof Blob ? await bytesOf(init.body) : (init.body as string | undefined);
  const reply = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: gateway.port,
        method: init.method ?? 'GET',
        path: url,
        headers: init.headers as Record<string, string>,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  return {
    ok: reply.status >= 200 && reply.status < 300,
    status: reply.status,
    text: async () => reply.text,
    json: async () => JSON.parse(reply.text) as unknown,
  };
}

beforeEach(async () => {
  cloud = await createLocalCloud({ functions });
  await seedDemo(cloud);
  gateway = await startGateway({ cloud, port: 0 });
  uploads = 0;
  clearSession();
  (globalThis as { fetch: unknown }).fetch = jest.fn(viaGateway);
});
afterEach(async () => {
  jest.restoreAllMocks();
  Taro.getCurrentInstance().router = null;
  await gateway.close();
  await cloud.close();
});

/** What `Taro.chooseImage` answers in h5 for one picked file. */
function picks(bytes: Buffer, type: string, size = bytes.length) {
  const file = new File([new Uint8Array(bytes)], type === 'image/png' ? 'photo.png' : 'photo.bin', {
    type,
  });
  return jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: ['blob:photo-1'],
    tempFiles: [{ path: 'blob:photo-1', size, type, originalFileObj: file }],
    errMsg: 'chooseImage:ok',
  } as Taro.chooseImage.SuccessCallbackResult);
}

async function waitFor(container: Element, selector: string): Promise<Element> {
  for (let i = 0; i < 200; i += 1) {
    const found = container.querySelector(selector);
    if (found) return found;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error(`${selector} never appeared`);
}

async function idle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

const srcOf = (element: Element | null) =>
  (element as (Element & { src?: string }) | null)?.src ?? element?.getAttribute('src') ?? null;

const cardIds = (container: Element) =>
  [...container.querySelectorAll('#my-requests [id^="my-request-"]')].map((c) => c.id);

/** Sends the form and waits for the new request's card (the seeded ones are there already). */
async function send(container: Element): Promise<Element> {
  const before = cardIds(container);
  await tap(container.querySelector('#ask-submit'));
  for (let i = 0; i < 200; i += 1) {
    const fresh = cardIds(container).find((id) => !before.includes(id));
    if (fresh) return container.querySelector(`#${fresh}`)!;
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
  throw new Error('the new request never appeared');
}

async function fillRequest(container: Element) {
  await waitFor(container, '#ask-form');
  await tap(container.querySelector('#ask-kind-insurance'));
  await typeText(container.querySelector('#field-ask-text')!, '社保局寄来的通知看不懂，请帮忙看看');
}

describe('我的求助: a photo with the request', () => {
  beforeEach(() => setDemoOpenid(LI));

  it('adds a photo, sees the thumbnail, sends it with the request and finds it in the thread', async () => {
    const choose = picks(PNG, 'image/png');
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' });
    const { container } = render(<HelpRequestsPage />);
    await fillRequest(container);
    expect(container.querySelector('#field-ask-photo')?.textContent).toContain('添加照片（可选）');

    await tap(container.querySelector('#ask-photo-add'));
    await idle();
    expect(choose).toHaveBeenCalledWith(
      expect.objectContaining({ count: 1, sizeType: ['compressed'] }),
    );
    const thumb = (await waitFor(container, '#ask-photo-preview')).querySelector(
      '.help-photo__thumb',
    );
    expect(srcOf(thumb)).toBe('blob:photo-1');
    // Nothing is uploaded before the request is sent.
    expect(uploads).toBe(0);

    const card = await send(container);
    const id = card.id.replace('my-request-', '');
    expect(uploads).toBe(1);
    const [stored] = cloud.store.collection('requests').find({ _id: id }) as any[];
    expect(stored.photo).toMatch(/^cloud:\/\/local\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png$/);
    expect(cloud.files.read(stored.photo.replace('cloud://local/', ''))?.bytes.equals(PNG)).toBe(
      true,
    );
    // The form is ready for the next question: no photo left in it.
    expect(container.querySelector('#ask-photo-preview')).toBeNull();
    expect(card.textContent).toContain('附照片');

    await tap(card.querySelector('.help-card__head'));
    const photo = await waitFor(container, `#my-photo-${id}`);
    expect(srcOf(photo)).toMatch(/^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=/);
    await tap(photo);
    expect(preview).toHaveBeenCalledWith(expect.objectContaining({ urls: [srcOf(photo)] }));
  });

  it('a removed photo is not sent', async () => {
    picks(PNG, 'image/png');
    const { container } = render(<HelpRequestsPage />);
    await fillRequest(container);
    await tap(container.querySelector('#ask-photo-add'));
    await waitFor(container, '#ask-photo-preview');
    await tap(container.querySelector('#ask-photo-remove'));
    expect(container.querySelector('#ask-photo-preview')).toBeNull();
    expect(container.querySelector('#ask-photo-add')).not.toBeNull();
    const card = await send(container);
    expect(uploads).toBe(0);
    const [stored] = cloud.store
      .collection('requests')
      .find({ _id: card.id.replace('my-request-', '') }) as any[];
    expect(stored.photo).toBeNull();
  });

  it.each([
    ['a photo over 2 MB', PNG, 'image/png', 3 * 1024 * 1024, '照片不能超过 2 MB'],
    ['a GIF', Buffer.from('GIF89a'), 'image/gif', 6, '只能上传 JPG 或 PNG'],
  ])('%s is refused at once, before any upload', async (_name, bytes, type, size, says) => {
    picks(bytes, type, size);
    const { container } = render(<HelpRequestsPage />);
    await fillRequest(container);
    await tap(container.querySelector('#ask-photo-add'));
    await waitFor(container, '#field-ask-photo .field-error');
    expect(container.querySelector('#field-ask-photo .field-error')?.textContent).toContain(says);
    expect(container.querySelector('#ask-photo-preview')).toBeNull();
    expect(uploads).toBe(0);
  });

  it('what the cloud refuses (not an image, whatever it claims) is said at the photo; nothing is asked', async () => {
    picks(Buffer.from('<html>not a photo</html>'), 'image/png');
    const { container } = render(<HelpRequestsPage />);
    await fillRequest(container);
    const before = cloud.store.collection('requests').count({ openid: LI });
    await tap(container.querySelector('#ask-photo-add'));
    await waitFor(container, '#ask-photo-preview');
    await tap(container.querySelector('#ask-submit'));
    await waitFor(container, '#field-ask-photo .field-error');
    expect(uploads).toBe(1);
    expect(container.querySelector('#field-ask-photo .field-error')?.textContent).toBe(
      '只能上传 JPG 或 PNG 格式的照片',
    );
    expect(cloud.store.collection('requests').count({ openid: LI })).toBe(before);
    expect(cloud.files.list()).toEqual([]);
  });

  it('an expired link says so instead of a broken image; a tap fetches a fresh one; closing keeps it', async () => {
    const fileID = cloud.files.uploadRequestPhoto(LI, PNG).fileID;
    const asked = (await cloud.invoke(
      'casework',
      { action: 'ask', payload: { kind: 'insurance', text: '请看这张通知单', photo: fileID } },
      { openid: LI },
    )) as any;
    const id = asked.data.request.id as string;
    await cloud.invoke(
      'casework',
      { action: 'answer', payload: { requestId: id, text: '这是缴费提醒。' } },
      { openid: ZHANG },
    );
    const { container } = render(<HelpRequestsPage />);
    const card = await waitFor(container, `#my-request-${id}`);
    await tap(card.querySelector('.help-card__head'));
    const photo = await waitFor(container, `#my-photo-${id}`);
    const first = srcOf(photo);

    // The image fails to load (the 10-minute link ran out).
    await act(async () => {
      fireEvent(photo, new Event('error'));
    });
    const expired = await waitFor(container, `#my-photo-${id}-expired`);
    expect(expired.textContent).toContain('照片链接已过期，请重新打开');
    expect(container.querySelector(`#my-photo-${id}`)).toBeNull();
    await tap(expired);
    const fresh = await waitFor(container, `#my-photo-${id}`);
    expect(srcOf(fresh)).toMatch(/^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=/);
    expect(container.querySelector(`#my-photo-${id}-expired`)).toBeNull();
    expect(first).not.toBeNull();

    // 问题已解决: the answer carries no link, the card keeps the one it has.
    const shown = srcOf(fresh);
    await tap(container.querySelector(`#resolve-${id}`));
    await waitFor(container, `#rate-form-${id}`);
    expect(srcOf(container.querySelector(`#my-photo-${id}`))).toBe(shown);
    expect(container.querySelector(`#my-photo-${id}-missing`)).toBeNull();
  });
});

describe('待办工单: the caseworker sees the photo', () => {
  it('shows 附照片 in the list and the photo under the question; the look is audited', async () => {
    const fileID = cloud.files.uploadRequestPhoto(LI, PNG).fileID;
    const asked = (await cloud.invoke(
      'casework',
      { action: 'ask', payload: { kind: 'insurance', text: '请看这张通知单', photo: fileID } },
      { openid: LI },
    )) as any;
    const id = asked.data.request.id as string;
    setDemoOpenid(ZHANG);
    const preview = jest.spyOn(Taro, 'previewImage').mockResolvedValue({ errMsg: 'ok' });
    const { container } = render(<TasksPage />);
    const item = await waitFor(container, `#request-${id}`);
    expect(item.querySelector(`#request-has-photo-${id}`)?.textContent).toBe('附照片');
    expect(cloud.store.collection('audit_log').count({ action: 'casework.requestPhoto' })).toBe(0);

    await tap(item.querySelector('.request-item__head'));
    const photo = await waitFor(container, `#thread-${id}-photo`);
    expect(srcOf(photo)).toMatch(/^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=/);
    expect(container.querySelector(`#thread-${id}`)?.textContent).toContain('市民附上的照片');
    expect(cloud.store.collection('audit_log').find({ action: 'casework.requestPhoto' })).toEqual([
      expect.objectContaining({ actorOpenid: ZHANG, subjectId: id }),
    ]);
    await tap(photo);
    expect(preview).toHaveBeenCalledWith(expect.objectContaining({ urls: [srcOf(photo)] }));

    // Answering keeps the photo on screen without a new link: no second look on record.
    await typeText(container.querySelector(`#answer-${id}`)!, '这是缴费提醒，请在月底前缴纳。');
    await tap(container.querySelector(`#answer-submit-${id}`));
    await waitFor(container, `#request-saved-${id}`);
    expect(srcOf(container.querySelector(`#thread-${id}-photo`))).toBe(srcOf(photo));
    expect(cloud.store.collection('audit_log').count({ action: 'casework.requestPhoto' })).toBe(1);

    // The link ran out: it says so; a tap opens a fresh one (a new look, audited), and what is
    // being typed stays.
    await typeText(container.querySelector(`#answer-${id}`)!, '补充：');
    await act(async () => {
      fireEvent(container.querySelector(`#thread-${id}-photo`)!, new Event('error'));
    });
    const expired = await waitFor(container, `#thread-${id}-photo-expired`);
    expect(expired.textContent).toContain('照片链接已过期，请重新打开');
    await tap(expired);
    await waitFor(container, `#thread-${id}-photo`);
    expect(cloud.store.collection('audit_log').count({ action: 'casework.requestPhoto' })).toBe(2);
    await tap(container.querySelector(`#answer-submit-${id}`));
    for (
      let i = 0;
      i < 100 &&
      !cloud.store.collection('request_messages').count({ requestId: id, text: '补充：' });
      i += 1
    ) {
      await idle();
    }
    expect(
      cloud.store.collection('request_messages').count({ requestId: id, text: '补充：' }),
    ).toBe(1);
  });
});
