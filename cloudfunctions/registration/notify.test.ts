/**
 * "登记结果": a subscription message through the outbox when the citizen granted a one-time
 * subscription; otherwise (43101) the same news in the in-app inbox. Each grant allows one send.
 */
import type { LocalCloud } from '@nuanxin/local';

import { makeSeeker, register, callAs } from '../test/registration';
import { seededCloud } from '../test/support';

let cloud: LocalCloud;
beforeEach(async () => {
  cloud = await seededCloud();
});
afterEach(async () => {
  await cloud.close();
});

const ME = 'wx-notify-0001';
const TEMPLATE = 'local-registrationResult';

it('with a subscription: one message in the outbox, fields within WeChat limits, no inbox entry', async () => {
  cloud.grantSubscription(ME, TEMPLATE);
  const result = await register(cloud, ME, makeSeeker().sections);
  expect(result.ok).toBe(true);
  const sent = cloud.outbox().filter((m) => m.touser === ME);
  expect(sent).toEqual([
    expect.objectContaining({
      fn: 'registration',
      templateId: TEMPLATE,
      page: 'packages/seeker/registration/mine/index',
      data: {
        thing1: { value: '失业登记' },
        phrase2: { value: '已登记' },
        name3: { value: '张敏' },
        time4: { value: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) },
        thing5: { value: '包保责任人将与您联系' },
      },
    }),
  ]);
  expect(cloud.store.collection('messages').count({ openid: ME })).toBe(0);
  expect(cloud.subscriptionQuota(ME, TEMPLATE)).toBe(0);
});

it('without a subscription: the in-app message instead, and the action still succeeds', async () => {
  const result = await register(cloud, ME, makeSeeker().sections);
  expect(result.ok).toBe(true);
  expect(cloud.outbox().filter((m) => m.touser === ME)).toEqual([]);
  expect(cloud.store.collection('messages').find({ openid: ME })).toEqual([
    expect.objectContaining({
      kind: 'registrationResult',
      title: '失业登记：已登记',
      body: expect.stringContaining('张敏'),
      page: 'packages/seeker/registration/mine/index',
      read: false,
      reason: 'noQuota',
    }),
  ]);
});

it('one grant, two status changes: the first is pushed, the second goes to the inbox', async () => {
  cloud.grantSubscription(ME, TEMPLATE);
  await register(cloud, ME, makeSeeker().sections);
  await callAs(cloud, ME)('registration', 'requestCancellation', { note: '' });
  expect(
    cloud
      .outbox()
      .filter((m) => m.touser === ME)
      .map((m) => m.data.phrase2?.value),
  ).toEqual(['已登记']);
  expect(
    cloud.store
      .collection('messages')
      .find({ openid: ME })
      .map((m) => m.title),
  ).toEqual(['失业登记：已注销']);
});
