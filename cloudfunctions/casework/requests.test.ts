/**
 * Requests (工单): routing to the caseworker or the supervisor queue, the thread, answers and
 * notices, closing and rating (差 opens a review), scope (NOT_FOUND outside it), and the hourly
 * timer's escalations at 1/3/5 working days and the once-a-day follow-up reminder, on a fixed
 * clock.
 */
import type { LocalCloud } from '@nuanxin/local';
import { dayjs, type ActionName } from '@nuanxin/shared';

import { database, photoFolderOf, requestsRepo } from '../_lib';
import { addStaff, fixClock, makeSeeker, registered } from '../test/registration';
import { AS, caller as callerOf, seededCloud } from '../test/support';

// Friday 2026-11-20 15:00 in Shanghai.
const FRIDAY = new Date('2026-11-20T07:00:00Z');
const QIAN = 'demo-citizen-9'; // 高新区 graduate without a caseworker (seed)

let cloud: LocalCloud;
beforeEach(async () => {
  fixClock(FRIDAY);
  cloud = await seededCloud();
});
afterEach(async () => {
  jest.useRealTimers();
  delete process.env.NUANXIN_REQUEST_SLA_DAYS;
  delete process.env.NUANXIN_REQUEST_ESCALATE_DAYS;
  await cloud.close();
});

function as(openid: string) {
  const call = callerOf(cloud, openid);
  return (action: ActionName<'casework'>, payload: unknown): Promise<any> =>
    call('casework', action, payload);
}
const at = (shanghai: string) => jest.setSystemTime(dayjs.tz(shanghai, 'Asia/Shanghai').toDate());
const messagesOf = (openid: string, kind?: string) =>
  cloud.store.collection('messages').find({ openid, ...(kind ? { kind } : {}) });

async function citizenWithCaseworker(openid: string, name = '求助人') {
  return registered(cloud, openid, makeSeeker({ name }).sections);
}

async function askAs(openid: string, text = '请问失业保险金什么时候发放？', kind = 'insurance') {
  const res = await as(openid)('ask', { kind, text });
  expect(res.ok).toBe(true);
  return res.data.request.id as string;
}

describe('asking and answering', () => {
  it('goes to the caseworker, who answers; the citizen is told, reads the thread and rates it', async () => {
    const regId = await citizenWithCaseworker('wx-rq-1', '王求助');
    const asked = await as('wx-rq-1')('ask', {
      kind: 'policy',
      text: '灵活就业可以领社保补贴吗？',
    });
    expect(asked).toMatchObject({
      ok: true,
      data: {
        request: {
          status: 'open',
          statusLabel: '待答复',
          handler: '张敏',
          kindLabel: '政策咨询',
          // Friday 15:00 + 1 working day = Monday 15:00.
          answerDue: '2026-11-23T07:00:00.000Z',
          canRate: false,
          canClose: true,
        },
      },
    });
    const id = asked.data.request.id;
    expect(messagesOf(AS.caseworker, 'requestAlert')).toHaveLength(1);

    const box = await as(AS.caseworker)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      personName: '王求助',
      registrationId: regId,
      reason: 'own',
      overdue: false,
    });
    // The audit names the requests and people shown, not only how many.
    const [looked] = cloud.store
      .collection('audit_log')
      .find({ action: 'casework.inbox', actorOpenid: AS.caseworker }) as any[];
    expect(looked.detail).toMatchObject({
      count: box.data.requests.length,
      idsTruncated: false,
    });
    expect(looked.detail.ids.split(',').sort()).toEqual(
      box.data.requests.map((r: any) => r.id).sort(),
    );
    expect(looked.detail.registrationIds.split(',')).toContain(regId);

    const answered = await as(AS.caseworker)('answer', {
      requestId: id,
      text: '可以，符合条件的灵活就业人员可申请社保补贴，请带身份证到街道服务站办理。',
    });
    expect(answered).toMatchObject({
      ok: true,
      data: { request: { status: 'answered' }, canAnswer: true },
    });
    expect(messagesOf('wx-rq-1', 'requestReply')).toHaveLength(1);

    const thread = await as('wx-rq-1')('requestThread', { requestId: id });
    expect(thread.data.messages.map((m: any) => [m.from, m.author])).toEqual([
      ['citizen', '本人'],
      ['staff', '张敏'],
    ]);
    expect(thread.data.canAnswer).toBe(false);

    const closed = await as(AS.caseworker)('closeRequest', { requestId: id });
    expect(closed.data.request.status).toBe('closed');
    expect(messagesOf('wx-rq-1', 'requestReply')).toHaveLength(2);

    const mine = await as('wx-rq-1')('myRequests', {});
    expect(mine.data).toMatchObject({ handler: '张敏', needsTownship: false });
    expect(mine.data.requests[0]).toMatchObject({ id, canRate: true, canClose: false });

    const rated = await as('wx-rq-1')('rate', { requestId: id, rating: 'good', comment: '很清楚' });
    expect(rated.data.request).toMatchObject({
      rating: { value: 'good', label: '好', comment: '很清楚' },
      canRate: false,
    });
    const before = cloud.writeCount();
    expect(await as('wx-rq-1')('rate', { requestId: id, rating: 'fair' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(cloud.writeCount()).toBe(before);
  });

  it('a 差 needs a reason and opens a supervisor review, which the supervisor closes', async () => {
    await citizenWithCaseworker('wx-rq-2');
    const id = await askAs('wx-rq-2');
    await as(AS.caseworker)('answer', { requestId: id, text: '请咨询社保局。' });
    await as('wx-rq-2')('closeRequest', { requestId: id, note: '没解决' });

    const before = cloud.writeCount();
    const noReason = await as('wx-rq-2')('rate', { requestId: id, rating: 'poor' });
    expect(noReason).toMatchObject({
      ok: false,
      error: { fields: { comment: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);

    expect(
      (await as('wx-rq-2')('rate', { requestId: id, rating: 'poor', comment: '答非所问' })).ok,
    ).toBe(true);
    expect(messagesOf(AS.supervisor, 'requestAlert')).toHaveLength(1);
    const box = await as(AS.supervisor)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      reason: 'review',
      reasonLabel: '差评待复核',
      review: 'open',
    });
    expect(
      await as(AS.supervisor)('closeReview', { requestId: id, note: '已回访，重新解答' }),
    ).toEqual({ ok: true, data: { requestId: id, review: 'done' } });
    const ids = (await as(AS.supervisor)('inbox', {})).data.requests.map((r: any) => r.id);
    expect(ids).not.toContain(id);
    expect(
      await as(AS.supervisor)('closeReview', { requestId: id, note: '再来一次' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('staff cannot close a request they have not answered; a closed one takes no answer', async () => {
    await citizenWithCaseworker('wx-rq-3');
    const id = await askAs('wx-rq-3');
    const before = cloud.writeCount();
    expect(await as(AS.caseworker)('closeRequest', { requestId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('请先答复') },
    });
    expect(cloud.writeCount()).toBe(before);
    await as('wx-rq-3')('closeRequest', { requestId: id });
    expect(await as(AS.caseworker)('answer', { requestId: id, text: '晚了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('nobody outside the scope sees a request (NOT_FOUND), and nothing is written', async () => {
    await citizenWithCaseworker('wx-rq-4');
    const id = await askAs('wx-rq-4');
    addStaff(cloud, {
      openid: 'sup-far',
      role: 'supervisor',
      org: 'employment',
      townships: ['370812001'],
    });
    const before = cloud.writeCount();
    for (const [openid, action, payload] of [
      ['wx-rq-other', 'requestThread', { requestId: id }],
      ['wx-rq-other', 'rate', { requestId: id, rating: 'good' }],
      ['wx-rq-other', 'closeRequest', { requestId: id }],
      ['demo-caseworker-370812', 'requestThread', { requestId: id }],
      ['demo-caseworker-370812', 'answer', { requestId: id, text: '越权答复' }],
      ['sup-far', 'answer', { requestId: id, text: '越权答复' }],
    ] as const) {
      expect({ openid, action, res: await as(openid)(action, payload) }).toMatchObject({
        openid,
        action,
        res: { ok: false, error: { code: 'NOT_FOUND' } },
      });
    }
    expect(cloud.writeCount()).toBe(before);
    const theirs = (await as('demo-caseworker-370812')('inbox', {})).data.requests;
    expect(theirs.map((r: any) => r.id)).not.toContain(id);
  });

  it('someone without a caseworker goes to the supervisor queue; the caseworker never sees it', async () => {
    const id = await askAs(QIAN, '毕业生见习岗位怎么报名？', 'job');
    expect(messagesOf(AS.supervisor, 'requestAlert')).toHaveLength(1);
    const mine = await as(QIAN)('myRequests', {});
    expect(mine.data).toMatchObject({ handler: '业务主管', needsTownship: false });
    const caseworkers = (await as(AS.caseworker)('inbox', {})).data.requests;
    expect(caseworkers.map((r: any) => r.id)).not.toContain(id);
    const box = await as(AS.supervisor)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      reason: 'unassigned',
      caseworkerName: null,
      personName: '钱思远',
    });
    expect(
      (await as(AS.supervisor)('answer', { requestId: id, text: '请关注人才服务中心见习公告。' }))
        .ok,
    ).toBe(true);
  });

  it('without a registration the township is needed; then it reaches that township’s supervisor', async () => {
    const before = cloud.writeCount();
    const refused = await as(AS.newCitizen)('ask', { kind: 'job', text: '我想找保洁的工作' });
    expect(refused).toMatchObject({
      ok: false,
      error: { fields: { township: expect.any(String) } },
    });
    expect(cloud.writeCount()).toBe(before);
    expect((await as(AS.newCitizen)('myRequests', {})).data.needsTownship).toBe(true);
    const res = await as(AS.newCitizen)('ask', {
      kind: 'job',
      text: '我想找保洁的工作',
      township: '370811002',
    });
    expect(res.data.request.handler).toBe('业务主管');
    const box = (await as(AS.supervisor)('inbox', {})).data.requests;
    expect(box.find((r: any) => r.id === res.data.request.id)).toMatchObject({
      reason: 'unassigned',
      personName: '市民',
      townshipLabel: expect.stringContaining('任城区'),
    });
  });

  it('parallel asks cannot pass the five: of seven at once, exactly five are stored', async () => {
    await citizenWithCaseworker('wx-rq-par');
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        as('wx-rq-par')('ask', { kind: 'other', text: `同时提交的第${i + 1}个问题` }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(cloud.store.collection('requests').count({ openid: 'wx-rq-par', status: 'open' })).toBe(
      5,
    );
  });

  it('an answered or closed request frees its place', async () => {
    await citizenWithCaseworker('wx-rq-free');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1)
      ids.push(await askAs('wx-rq-free', `第${i + 1}个问题，请帮忙解答`));
    expect((await as('wx-rq-free')('ask', { kind: 'other', text: '第六个问题来了' })).ok).toBe(
      false,
    );
    await as(AS.caseworker)('answer', { requestId: ids[0], text: '已答复。' });
    await as('wx-rq-free')('closeRequest', { requestId: ids[1] });
    await askAs('wx-rq-free', '第六个问题来了');
    await askAs('wx-rq-free', '第七个问题来了');
    expect(await as('wx-rq-free')('ask', { kind: 'other', text: '第八个问题来了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('5条') },
    });
  });

  it('at most five requests wait for an answer at once', async () => {
    await citizenWithCaseworker('wx-rq-5');
    for (let i = 0; i < 5; i += 1) await askAs('wx-rq-5', `第${i + 1}个问题，请帮忙解答`);
    const before = cloud.writeCount();
    expect(await as('wx-rq-5')('ask', { kind: 'other', text: '第六个问题来了' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(cloud.writeCount()).toBe(before);
  });
});

describe('refusals of a bad filter are in Chinese', () => {
  it.each([
    [AS.caseworker, 'inbox', { status: 'pending' }, 'status'],
    [AS.supervisor, 'caseload', { caseworkerOpenid: 42 }, 'caseworkerOpenid'],
    [AS.supervisor, 'caseload', { caseworkerOpenid: '' }, 'caseworkerOpenid'],
    [AS.supervisor, 'caseload', { state: 'late' }, 'state'],
  ] as const)('%s %s %j', async (openid, action, payload, field) => {
    const res = await as(openid)(action, payload);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Said to the person in Chinese: no enum values, no zod English.
    expect(res.error.fields?.[field]).toMatch(/^[^A-Za-z]*[\u4e00-\u9fa5][^A-Za-z]*$/);
  });
});

describe('a photo with the request', () => {
  // A 1×1 PNG: the local store checks the bytes, not the name.
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const LINK = /^\/cloud-file\/requests\/[0-9a-f]{32}\/[0-9a-f]{32}\.png\?exp=\d+&sig=[\w-]+$/;
  const upload = (openid: string) => cloud.files.uploadRequestPhoto(openid, PNG).fileID;
  const photoReads = () =>
    cloud.store.collection('audit_log').find({ action: 'casework.requestPhoto' });
  /** A link the gateway would serve now. */
  const linkWorks = (url: string) => {
    const parsed = new URL(url, 'http://127.0.0.1');
    const path = decodeURIComponent(parsed.pathname.slice('/cloud-file/'.length));
    return cloud.files.checkLink(
      path,
      parsed.searchParams.get('exp'),
      parsed.searchParams.get('sig'),
    );
  };

  it('goes with the request; the citizen and their caseworker see it through a 10-minute link, the caseworker’s look audited', async () => {
    await citizenWithCaseworker('wx-ph-1', '附照片');
    const mine = await as('wx-ph-1')('myRequests', {});
    expect(mine.data.photoFolder).toBe(photoFolderOf('wx-ph-1'));
    const fileID = upload('wx-ph-1');
    expect(fileID.startsWith(`cloud://local/${mine.data.photoFolder}/`)).toBe(true);

    const asked = await as('wx-ph-1')('ask', {
      kind: 'insurance',
      text: '这是社保局寄来的通知，看不懂，请帮忙看看',
      photo: fileID,
    });
    expect(asked.data.request).toMatchObject({
      hasPhoto: true,
      photoUrl: expect.stringMatching(LINK),
    });
    const id = asked.data.request.id;
    expect(cloud.store.collection('requests').find({ _id: id })[0]).toMatchObject({
      photo: fileID,
    });

    // Lists say a photo is there, and carry no link.
    const list = await as('wx-ph-1')('myRequests', {});
    expect(list.data.requests.find((r: any) => r.id === id)).toMatchObject({
      hasPhoto: true,
      photoUrl: null,
    });
    const box = await as(AS.caseworker)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === id)).toMatchObject({
      hasPhoto: true,
      photoUrl: null,
    });

    // The citizen's own look is not a staff read.
    const own = await as('wx-ph-1')('requestThread', { requestId: id });
    expect(linkWorks(own.data.request.photoUrl)).toBe('ok');
    expect(photoReads()).toHaveLength(0);

    const staff = await as(AS.caseworker)('requestThread', { requestId: id });
    expect(staff.data.request.photoUrl).toMatch(LINK);
    expect(linkWorks(staff.data.request.photoUrl)).toBe('ok');
    expect(JSON.stringify(staff)).not.toContain('cloud://');
    expect(photoReads()).toEqual([
      expect.objectContaining({ actorOpenid: AS.caseworker, subjectId: id }),
    ]);
    // Answering, closing and rating answer the thread without a new link: no read recorded.
    const answered = await as(AS.caseworker)('answer', {
      requestId: id,
      text: '这是缴费提醒，请在月底前缴纳。',
    });
    expect(answered.data.request).toMatchObject({ hasPhoto: true, photoUrl: null });
    const closed = await as(AS.caseworker)('closeRequest', { requestId: id });
    expect(closed.data.request).toMatchObject({ hasPhoto: true, photoUrl: null });
    const rated = await as('wx-ph-1')('rate', { requestId: id, rating: 'good' });
    expect(rated.data.request).toMatchObject({ hasPhoto: true, photoUrl: null });
    expect(photoReads()).toHaveLength(1);

    // Ten minutes later the link no longer opens the photo.
    jest.setSystemTime(new Date(Date.now() + 10 * 60 * 1000));
    expect(linkWorks(staff.data.request.photoUrl)).toBe('expired');
  });

  it('the supervisor sees the photo of a request in their queue', async () => {
    const asked = await as(QIAN)('ask', {
      kind: 'job',
      text: '见习单位发的通知，请问要带什么材料？',
      photo: upload(QIAN),
    });
    const res = await as(AS.supervisor)('requestThread', { requestId: asked.data.request.id });
    expect(res.data.request.photoUrl).toMatch(LINK);
    expect(photoReads()).toEqual([expect.objectContaining({ actorOpenid: AS.supervisor })]);
  });

  it('staff outside the scope get NOT_FOUND, no link, and nothing is written', async () => {
    await citizenWithCaseworker('wx-ph-2');
    const asked = await as('wx-ph-2')('ask', {
      kind: 'policy',
      text: '请看这张通知，我符合补贴条件吗？',
      photo: upload('wx-ph-2'),
    });
    const id = asked.data.request.id;
    addStaff(cloud, {
      openid: 'sup-far-ph',
      role: 'supervisor',
      org: 'employment',
      townships: ['370812001'],
    });
    const before = cloud.writeCount();
    for (const openid of ['demo-caseworker-370812', 'sup-far-ph', 'wx-ph-other']) {
      const res = await as(openid)('requestThread', { requestId: id });
      expect({ openid, res }).toMatchObject({
        openid,
        res: { ok: false, error: { code: 'NOT_FOUND' } },
      });
      expect(JSON.stringify(res)).not.toMatch(/cloud-file|cloud:\/\//);
    }
    expect(cloud.writeCount()).toBe(before);
    expect(photoReads()).toHaveLength(0);
  });

  it.each([
    ['another citizen’s photo', () => upload('wx-ph-someone'), /不是您本人上传/],
    [
      'a photo of another environment',
      () =>
        upload('wx-ph-3').replace('cloud://local/', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/'),
      /不是您本人上传/,
    ],
    [
      'a path that climbs out of the folder',
      () =>
        `cloud://local/${photoFolderOf('wx-ph-3')}/../${upload('wx-ph-someone').split('/').slice(-2).join('/')}`,
      /不是您本人上传/,
    ],
    [
      'a file in a sub-folder of their own',
      () => `cloud://local/${photoFolderOf('wx-ph-3')}/x/${'a'.repeat(32)}.png`,
      /不是您本人上传/,
    ],
    [
      'a photo that was never uploaded',
      () => `cloud://local/${photoFolderOf('wx-ph-3')}/${'0'.repeat(32)}.png`,
      /没有上传成功/,
    ],
    ['a web address', () => 'https://example.com/x.png', /照片无效/],
  ])(
    '%s is refused (VALIDATION at the photo) and nothing is written',
    async (_name, fileID, message) => {
      await citizenWithCaseworker('wx-ph-3');
      const photo = fileID();
      const before = cloud.writeCount();
      const res = await as('wx-ph-3')('ask', { kind: 'other', text: '请帮我看看这张照片', photo });
      expect(res).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringMatching(message),
          fields: { photo: expect.any(String) },
        },
      });
      expect(cloud.writeCount()).toBe(before);
      expect(cloud.store.collection('requests').count({ openid: 'wx-ph-3' })).toBe(0);
    },
  );

  it.each([
    [
      'not an image (HTML named .png)',
      Buffer.from('<html><body>not a photo</body></html>'),
      /JPG 或 PNG/,
    ],
    ['an empty file', Buffer.alloc(0), /JPG 或 PNG/],
    ['over 2 MB (PNG bytes)', Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), /不能超过 2 MB/],
  ])(
    'a file put into the caller’s folder past the upload’s checks, %s, is refused by its bytes and deleted',
    async (_name, bytes, message) => {
      await citizenWithCaseworker('wx-ph-6');
      const fileID = cloud.files.place(`${photoFolderOf('wx-ph-6')}/${'b'.repeat(32)}.png`, bytes);
      const before = cloud.writeCount();
      const res = await as('wx-ph-6')('ask', {
        kind: 'other',
        text: '请帮我看看这张照片',
        photo: fileID,
      });
      expect(res).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: expect.stringMatching(message),
          fields: { photo: expect.any(String) },
        },
      });
      expect(cloud.writeCount()).toBe(before);
      expect(cloud.store.collection('requests').count({ openid: 'wx-ph-6' })).toBe(0);
      expect(cloud.files.exists(fileID.replace('cloud://local/', ''))).toBe(false);
    },
  );

  it('a JPEG (by its bytes) of exactly 2 MB is taken', async () => {
    await citizenWithCaseworker('wx-ph-7');
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(2 * 1024 * 1024 - 4, 1),
    ]);
    const fileID = cloud.files.place(`${photoFolderOf('wx-ph-7')}/${'c'.repeat(32)}.jpg`, jpeg);
    const res = await as('wx-ph-7')('ask', {
      kind: 'other',
      text: '请帮我看看这张照片',
      photo: fileID,
    });
    expect(res.ok).toBe(true);
    expect(res.data.request.hasPhoto).toBe(true);
  });

  it('a photo gone from storage: the thread still opens, says so, and no read is recorded', async () => {
    await citizenWithCaseworker('wx-ph-4');
    const fileID = upload('wx-ph-4');
    const asked = await as('wx-ph-4')('ask', {
      kind: 'other',
      text: '请帮我看看这张照片',
      photo: fileID,
    });
    cloud.files.remove(fileID.replace('cloud://local/', ''));
    const res = await as(AS.caseworker)('requestThread', { requestId: asked.data.request.id });
    expect(res.data.request).toMatchObject({ hasPhoto: true, photoUrl: null });
    expect(photoReads()).toHaveLength(0);
  });

  it('without a photo nothing changes: no link, no photo read', async () => {
    await citizenWithCaseworker('wx-ph-5');
    const id = await askAs('wx-ph-5');
    const res = await as(AS.caseworker)('requestThread', { requestId: id });
    expect(res.data.request).toMatchObject({ hasPhoto: false, photoUrl: null });
    expect(photoReads()).toHaveLength(0);
  });
});

describe('the hourly timer', () => {
  it('escalates at 1, 3 and 5 working days, telling the supervisor once per level', async () => {
    await citizenWithCaseworker('wx-rq-t1');
    const late = await askAs('wx-rq-t1');
    const answered = await askAs('wx-rq-t1', '第二个问题：培训有补贴吗？');
    at('2026-11-20 16:00');
    await as(AS.caseworker)('answer', { requestId: answered, text: '有，请看培训页面。' });
    // Only this test's citizen (the demo seed has requests of its own).
    const alerts = () =>
      messagesOf(AS.supervisor, 'requestAlert').filter(
        (m: any) => m.title.includes('未答复') && String(m.body).startsWith('求助人'),
      );
    const level = (id: string) =>
      (cloud.store.collection('requests').find({ _id: id })[0] as any).escalationLevel;

    const run = async (when: string) => {
      at(when);
      await cloud.scheduler.runTimer('casework', new Date());
    };
    await run('2026-11-23 14:00'); // Monday, before the deadline
    expect(level(late)).toBe(0);
    await run('2026-11-23 15:00');
    expect(level(late)).toBe(1);
    expect(alerts()).toHaveLength(1);
    await run('2026-11-23 16:00'); // again: nothing new
    expect(alerts()).toHaveLength(1);
    await run('2026-11-25 15:00'); // Wednesday: 3 working days
    expect(level(late)).toBe(2);
    await run('2026-11-27 15:00'); // Friday: 5 working days
    expect(level(late)).toBe(3);
    await run('2026-12-10 09:00');
    expect(alerts()).toHaveLength(3);
    expect(level(answered)).toBe(0);
    // The escalated request shows in the supervisor's inbox, overdue, and in the caseworker's.
    const box = await as(AS.supervisor)('inbox', {});
    expect(box.data.requests.find((r: any) => r.id === late)).toMatchObject({
      reason: 'escalated',
      escalationLevel: 3,
      overdue: true,
    });
    expect(box.data.requests.map((r: any) => r.id)).not.toContain(answered);
    const own = (await as(AS.caseworker)('inbox', {})).data;
    expect(own.requests[0]).toMatchObject({ overdue: true });
    expect(own.requests.find((r: any) => r.id === late)).toMatchObject({ overdue: true });
    expect(own.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('reminds each caseworker with people due once a day, however often it runs', async () => {
    await citizenWithCaseworker('wx-rq-t2', '到期人');
    const reminders = () => messagesOf(AS.caseworker, 'followUpReminder');
    const run = async (when: string) => {
      at(when);
      await cloud.scheduler.runTimer('casework', new Date());
    };
    // Registered 2026-11-20: due 12-20.
    await run('2026-12-21 08:00');
    await run('2026-12-21 09:00');
    await Promise.all([
      cloud.scheduler.runTimer('casework', new Date()),
      cloud.scheduler.runTimer('casework', new Date()),
    ]);
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]).toMatchObject({
      title: '今日回访提醒',
      page: 'packages/caseworker/visits-today/index',
    });
    expect(String((reminders()[0] as any).body)).toMatch(/逾期\d+人/);
    // A caseworker with nobody due is not told anything.
    expect(messagesOf('demo-talent-1', 'followUpReminder')).toHaveLength(0);
    await run('2026-12-22 08:00');
    expect(reminders()).toHaveLength(2);
  });
});

describe('subscription messages, when the person agreed to them', () => {
  const sent = (openid: string, key: string) =>
    cloud.outbox().filter((m) => m.touser === openid && m.templateId === `local-${key}`);

  it('with quota granted, the new-request alert, the answer notice and the daily reminder go out by WeChat', async () => {
    await citizenWithCaseworker('wx-rq-sub', '订阅人');
    // What 提交求助 and 每天提醒我（微信） grant (client: services/subscribe.ts).
    cloud.grantSubscription('wx-rq-sub', 'local-requestReply');
    cloud.grantSubscription(AS.caseworker, 'local-requestAlert');
    cloud.grantSubscription(AS.caseworker, 'local-followUpReminder');
    const alertsBefore = messagesOf(AS.caseworker, 'requestAlert').length;

    const id = await askAs('wx-rq-sub');
    expect(sent(AS.caseworker, 'requestAlert')).toHaveLength(1);
    expect(messagesOf(AS.caseworker, 'requestAlert')).toHaveLength(alertsBefore);

    await as(AS.caseworker)('answer', { requestId: id, text: '下周一发放，请留意银行卡。' });
    expect(sent('wx-rq-sub', 'requestReply')).toEqual([
      expect.objectContaining({ page: 'packages/seeker/help-requests/index' }),
    ]);
    expect(messagesOf('wx-rq-sub', 'requestReply')).toHaveLength(0);
    expect(cloud.subscriptionQuota('wx-rq-sub', 'local-requestReply')).toBe(0);

    at('2026-12-21 08:00'); // registered 11-20: due 12-20, overdue now
    await cloud.scheduler.runTimer('casework', new Date());
    expect(sent(AS.caseworker, 'followUpReminder')).toEqual([
      expect.objectContaining({ page: 'packages/caseworker/visits-today/index' }),
    ]);
    expect(messagesOf(AS.caseworker, 'followUpReminder')).toHaveLength(0);
  });

  it('without quota the same news waits in 消息 (messages), nothing goes to WeChat', async () => {
    await citizenWithCaseworker('wx-rq-nosub', '未订阅');
    const id = await askAs('wx-rq-nosub');
    await as(AS.caseworker)('answer', { requestId: id, text: '下周一发放。' });
    expect(sent('wx-rq-nosub', 'requestReply')).toHaveLength(0);
    expect(messagesOf('wx-rq-nosub', 'requestReply')).toHaveLength(1);
    expect(sent(AS.caseworker, 'requestAlert')).toHaveLength(0);

    at('2026-12-21 08:00');
    await cloud.scheduler.runTimer('casework', new Date());
    expect(sent(AS.caseworker, 'followUpReminder')).toHaveLength(0);
    expect(messagesOf(AS.caseworker, 'followUpReminder')).toHaveLength(1);
  });
});

describe('nothing is sent on weekends and holidays', () => {
  const run = async (when: string) => {
    at(when);
    return cloud.scheduler.runTimer('casework', new Date());
  };
  const level = (id: string) =>
    (cloud.store.collection('requests').find({ _id: id })[0] as any).escalationLevel;
  const alertsAbout = (name: string) =>
    messagesOf(AS.supervisor, 'requestAlert').filter(
      (m: any) => m.title.includes('未答复') && String(m.body).startsWith(name),
    );
  const reminders = () => messagesOf(AS.caseworker, 'followUpReminder');

  it('an escalation due Friday 21:00 is told on Monday at 08:00, not over the weekend', async () => {
    await citizenWithCaseworker('wx-rq-w1', '周末人');
    at('2026-11-19 21:00'); // Thursday evening
    const id = await askAs('wx-rq-w1');
    await run('2026-11-20 20:00'); // Friday's last run: not due before 21:00
    expect(level(id)).toBe(0);
    const friday = reminders().length; // Friday's own reminder
    for (const when of ['2026-11-21 08:00', '2026-11-21 15:00', '2026-11-22 19:00']) {
      await run(when);
    }
    expect(level(id)).toBe(0);
    expect(alertsAbout('周末人')).toHaveLength(0);
    // The daily reminder waits too (the seed's people are overdue by then).
    expect(reminders()).toHaveLength(friday);

    await run('2026-11-23 08:00');
    expect(level(id)).toBe(1);
    expect(alertsAbout('周末人')).toHaveLength(1);
    expect(reminders()).toHaveLength(friday + 1);
  });

  it('the 2026 National Day holiday holds both; the make-up Saturday is a working day', async () => {
    await citizenWithCaseworker('wx-rq-nd', '国庆人');
    at('2026-09-30 21:00'); // Wednesday evening before the holiday
    const id = await askAs('wx-rq-nd');
    await run('2026-09-30 20:00');
    const before = reminders().length; // 09-30's own reminder
    for (const day of ['10-01', '10-03', '10-05', '10-07']) {
      await run(`2026-${day} 09:00`);
    }
    expect(level(id)).toBe(0);
    expect(alertsAbout('国庆人')).toHaveLength(0);
    expect(reminders()).toHaveLength(before);

    // 10-08 is the first working day; the request's first working day ends 10-08 21:00.
    await run('2026-10-08 08:00');
    expect(reminders()).toHaveLength(before + 1);
    await run('2026-10-08 20:00');
    expect(level(id)).toBe(0);
    await run('2026-10-09 08:00');
    expect(level(id)).toBe(1);
    // Saturday 10-10 is a 调休 working day: the reminder goes out; the third working day ends
    // 10-10 21:00, after the last run, so level 2 is told on Monday 10-12.
    await run('2026-10-10 08:00');
    expect(reminders()).toHaveLength(before + 3);
    await run('2026-10-10 20:00');
    expect(level(id)).toBe(1);
    await run('2026-10-11 10:00'); // Sunday
    expect(level(id)).toBe(1);
    await run('2026-10-12 08:00');
    expect(level(id)).toBe(2);
    expect(alertsAbout('国庆人').map((m: any) => m.title)).toEqual([
      '求助超过1个工作日未答复',
      '求助超过3个工作日未答复',
    ]);
  });

  it('requests at the last level are not read again each hour', async () => {
    await citizenWithCaseworker('wx-rq-max', '到顶人');
    const id = await askAs('wx-rq-max');
    await run('2026-12-10 09:00');
    expect(level(id)).toBe(3);
    const before = new Date('2026-12-10T00:00:00Z');
    const [waiting, belowTwo] = await cloud.runAs({}, () =>
      Promise.all([
        requestsRepo(database()).unansweredBefore(before, 3),
        requestsRepo(database()).unansweredBefore(before, 4),
      ]),
    );
    expect(waiting.map((r) => r._id)).not.toContain(id);
    expect(belowTwo.map((r) => r._id)).toContain(id);
  });
});

describe('the configured SLA (NUANXIN_REQUEST_SLA_DAYS, NUANXIN_REQUEST_ESCALATE_DAYS)', () => {
  it('a 2-working-day deadline moves the due date, the views and the escalations', async () => {
    process.env.NUANXIN_REQUEST_SLA_DAYS = '2';
    process.env.NUANXIN_REQUEST_ESCALATE_DAYS = '2,4';
    await citizenWithCaseworker('wx-rq-sla', '时限人');
    const asked = await as('wx-rq-sla')('ask', {
      kind: 'policy',
      text: '灵活就业社保补贴怎么申请？',
    });
    // Friday 15:00 + 2 working days = Tuesday 15:00.
    expect(asked.data.request.answerDue).toBe('2026-11-24T07:00:00.000Z');
    expect((await as('wx-rq-sla')('myRequests', {})).data.answerWithin).toBe('2个工作日');
    expect((await as(AS.caseworker)('inbox', {})).data.answerWithin).toBe('2个工作日');

    const level = () =>
      (cloud.store.collection('requests').find({ _id: asked.data.request.id })[0] as any)
        .escalationLevel;
    at('2026-11-23 16:00');
    await cloud.scheduler.runTimer('casework', new Date());
    expect(level()).toBe(0);
    at('2026-11-24 15:00');
    await cloud.scheduler.runTimer('casework', new Date());
    expect(level()).toBe(1);
    at('2026-12-10 09:00');
    await cloud.scheduler.runTimer('casework', new Date());
    expect(level()).toBe(2); // two steps configured
    const told = messagesOf(AS.supervisor, 'requestAlert')
      .filter((m: any) => String(m.body).startsWith('时限人'))
      .map((m: any) => m.title);
    expect(told).toEqual(['求助超过2个工作日未答复', '求助超过4个工作日未答复']);
  });

  it('an invalid configuration fails loudly and writes nothing', async () => {
    process.env.NUANXIN_REQUEST_ESCALATE_DAYS = '3,1';
    await citizenWithCaseworker('wx-rq-bad');
    const before = cloud.writeCount();
    const res = await as('wx-rq-bad')('ask', { kind: 'policy', text: '请问补贴怎么申请？' });
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(res)).not.toContain('NUANXIN');
    expect(cloud.writeCount()).toBe(before);
  });
});
