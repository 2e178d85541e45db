/**
 * Requests (工单): a citizen asks; it goes to their 包保 caseworker, or to the supervisor queue of
 * their township when they have none. The first answer is due within 1 working day (configurable,
 * `../sla.ts`; the timer escalates late ones); the citizen reads the thread, is told of answers, and rates the answer
 * once it is closed — a 差 opens a supervisor review. Staff never see a request outside their
 * scope and a citizen never sees another's (NOT_FOUND).
 * A request may carry one photo the citizen uploaded into their own folder first (`_lib/files`);
 * its bytes are checked (JPEG/PNG, ≤ 2 MB) before the request is stored. Opening a thread
 * (`requestThread`) shows the photo through a 10-minute link made after the scope check, and a
 * staff member opening it is a read of personal data, so it is audited; answering, closing and
 * rating answer the thread without a new link (the page keeps the one it has).
 * At most MAX_OPEN_REQUESTS of a citizen's requests wait for an answer at once, checked inside
 * the transaction that stores a new one against a per-person doc (`request_quota`), so parallel
 * asks cannot pass it.
 */
import {
  AppError,
  firstAnswerDue,
  MAX_OPEN_REQUESTS,
  MAX_REQUEST_MESSAGES,
  needsSupervisorReview,
  RATING_LABELS,
  REQUEST_KIND_LABELS,
  transitionRequest,
  workingDaysLabel,
  type InboxItem,
  type RequestStatus,
} from '@nuanxin/shared';

import {
  auditRepo,
  docOf,
  isDuplicateWrite,
  isOwnPhoto,
  membershipsRepo,
  photoFolderOf,
  requestsRepo,
  tempUrls,
  transaction,
  usersRepo,
  type ActionContext,
  type Handler,
  type NewRequest,
  type RequestRecord,
  type Store,
} from '../../_lib';
import { checkPhotoBytes, deleteFiles } from '../../_lib/files';
import { supervisorScope } from '../../registration/access';
import { handlersOf, requestFor, type ScopedRequest } from '../access';
import { attachRequests, openidsOf, routeOf } from '../attach';
import { audit, AUDITED_IDS_MAX } from '../audit';
import { tellCitizen, tellStaff, tellSupervisors } from '../notices';
import { requestSla } from '../sla';
import { inboxItem, requestView, threadMessages, type InboxReason } from '../views';

async function namesOf(
  db: Store,
  openids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(openids.filter((o): o is string => !!o))];
  const users = await usersRepo(db).byOpenids(ids);
  return new Map(users.map((u) => [u.openid, u.displayName]));
}

/**
 * The link to a request's photo for a caller already in scope; null without a photo or when
 * storage cannot serve it now (the thread is still shown). Staff getting a link is audited.
 */
async function photoLinkFor(ctx: ActionContext, request: RequestRecord): Promise<string | null> {
  if (!request.photo) return null;
  let url: string | null;
  try {
    url = (await tempUrls([request.photo])).get(request.photo) ?? null;
  } catch (error) {
    console.error('[casework] photo link failed', error);
    return null;
  }
  if (url && ctx.caller.role !== 'citizen') await audit(ctx, 'requestPhoto', request._id);
  return url;
}

/**
 * The thread as the caller sees it. Only opening it (`withPhoto`) makes a link to the photo —
 * and, for staff, records the look; answers to a change say `hasPhoto` with no link.
 */
async function threadOf(
  ctx: ActionContext,
  { request, handler }: ScopedRequest,
  { withPhoto = false }: { withPhoto?: boolean } = {},
) {
  const { caller, db } = ctx;
  const [messages, names, photoUrl] = await Promise.all([
    requestsRepo(db).messagesOf(request._id),
    namesOf(db, [handler]),
    withPhoto ? photoLinkFor(ctx, request) : null,
  ]);
  return {
    request: requestView(
      request,
      handler ? (names.get(handler) ?? null) : null,
      caller.role,
      photoUrl,
    ),
    messages: threadMessages(messages),
    canAnswer:
      caller.role !== 'citizen' && transitionRequest(request.status, { type: 'answer' }).ok,
  };
}

const PHOTO_REFUSALS = {
  missing: ['照片没有上传成功，请重新添加照片', '请重新添加照片'],
  tooLarge: ['照片不能超过 2 MB，请换一张或压缩后再试', '照片不能超过 2 MB'],
  notImage: ['只能附 JPG 或 PNG 格式的照片，请重新添加照片', '只能附 JPG 或 PNG 格式的照片'],
} as const;

/**
 * A photo may be attached only from the caller's own folder, only once it is really there, and
 * only when its bytes are a JPEG or PNG of at most 2 MB (production storage takes whatever a
 * client uploads); anything else is refused before anything is written, and bytes that are not
 * a photo are deleted from the caller's folder. Answers the citizen's link to it.
 */
async function checkedPhoto(fileID: string, openid: string): Promise<string> {
  if (!isOwnPhoto(fileID, openid)) {
    throw new AppError('VALIDATION', '这张照片不是您本人上传的，请重新添加照片', {
      photo: '请重新添加照片',
    });
  }
  let check: Awaited<ReturnType<typeof checkPhotoBytes>>;
  try {
    check = await checkPhotoBytes(fileID);
  } catch (error) {
    console.error('[casework] photo check failed', error);
    throw new AppError('INTERNAL', '暂时无法核对照片，请稍后再试，或先不附照片提交');
  }
  if (check !== 'ok') {
    if (check !== 'missing') await deleteFiles([fileID]);
    const [message, field] = PHOTO_REFUSALS[check];
    throw new AppError('VALIDATION', message, { photo: field });
  }
  let url: string | null;
  try {
    url = (await tempUrls([fileID])).get(fileID) ?? null;
  } catch (error) {
    console.error('[casework] photo check failed', error);
    throw new AppError('INTERNAL', '暂时无法核对照片，请稍后再试，或先不附照片提交');
  }
  if (!url) {
    throw new AppError('VALIDATION', '照片没有上传成功，请重新添加照片', {
      photo: '请重新添加照片',
    });
  }
  return url;
}

/** Per citizen (`_id` = openid): the ids of their requests that were waiting at the last ask. */
const QUOTA = 'request_quota';
interface QuotaDoc {
  _id: string;
  open: string[];
}

function tooManyWaiting(count: number): AppError {
  return new AppError('CONFLICT', `您已有${count}条求助在等待答复，请等工作人员答复后再提新的问题`);
}

/**
 * Makes sure the citizen has a quota doc (the transaction reads it with doc(), which needs it to
 * exist), starting from their waiting requests: a citizen's first ask, or data from before it.
 */
async function ensureQuota(db: Store, openid: string, waiting: readonly string[]): Promise<void> {
  const quota = db.collection(QUOTA);
  const { total } = (await quota.where({ _id: openid }).count()) as { total: number };
  if (total > 0) return;
  try {
    await quota.add({ data: { _id: openid, open: [...waiting] } });
  } catch (error) {
    // Created meanwhile by a parallel ask: theirs is as good.
    if (!isDuplicateWrite(error)) throw error;
  }
}

export const ask: Handler<'casework', 'ask'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  await attachRequests(db, [caller.openid]);
  const route = await routeOf(db, caller.openid);
  const township = route.township ?? input.township ?? null;
  if (township === null) {
    throw new AppError('VALIDATION', '请选择您居住的乡镇（街道），我们会转给负责的工作人员', {
      township: '请选择您居住的乡镇（街道）',
    });
  }
  const waiting = (await requestsRepo(db).ofOpenid(caller.openid))
    .filter((r) => r.status === 'open')
    .map((r) => r._id);
  // A first look before anything is written; the transaction below decides.
  if (waiting.length >= MAX_OPEN_REQUESTS) throw tooManyWaiting(waiting.length);
  const photoUrl = input.photo ? await checkedPhoto(input.photo, caller.openid) : null;
  const request: NewRequest = {
    openid: caller.openid,
    registrationId: route.registration?._id ?? null,
    township,
    caseworkerOpenid: route.handler,
    personName: route.registration?.identity.name ?? '',
    kind: input.kind,
    text: input.text,
    photo: input.photo ?? null,
    status: 'open',
    createdAt: now,
    waitingSince: now,
    answerDue: firstAnswerDue(now, requestSla()),
    firstAnsweredAt: null,
    lastMessageAt: now,
    messageCount: 1,
    escalationLevel: 0,
    escalatedAt: null,
    closedAt: null,
    closedBy: null,
    rating: null,
    review: null,
  };
  await ensureQuota(db, caller.openid, waiting);
  const id = await transaction(db, async (tx) => {
    const repo = requestsRepo(tx);
    const quota = tx.collection(QUOTA);
    // The ids held may have been answered or closed since: each is read again here.
    const held = (await docOf<QuotaDoc | undefined>(quota.doc(caller.openid)))?.open ?? [];
    const still: string[] = [];
    for (const heldId of held) {
      if ((await repo.get(heldId)).status === 'open') still.push(heldId);
    }
    if (still.length >= MAX_OPEN_REQUESTS) throw tooManyWaiting(still.length);
    const created = await repo.add(request);
    // Written in the same transaction: a parallel ask that read the same doc conflicts and retries.
    await quota.doc(caller.openid).set({ data: { open: [...still, created] } });
    await repo.addMessage({
      requestId: created,
      at: now,
      from: 'citizen',
      authorOpenid: caller.openid,
      authorName: null,
      text: input.text,
      seq: 1,
    });
    return created;
  });
  const what = {
    result: '新求助',
    note: input.text,
    title: `新的求助：${REQUEST_KIND_LABELS[input.kind]}`,
    body: `${request.personName || '一位市民'}：${input.text}`,
  };
  if (route.handler) await tellStaff(db, route.handler, request, what, now);
  else await tellSupervisors(db, request, what, now);
  const names = await namesOf(db, [route.handler]);
  return {
    request: requestView(
      { ...request, _id: id },
      route.handler ? (names.get(route.handler) ?? null) : null,
      'citizen',
      photoUrl,
    ),
  };
};

export const myRequests: Handler<'casework', 'myRequests'> = async (_input, ctx) => {
  const { caller, db } = ctx;
  await attachRequests(db, [caller.openid]);
  const [route, mine] = await Promise.all([
    routeOf(db, caller.openid),
    requestsRepo(db).ofOpenid(caller.openid),
  ]);
  const handlers = await handlersOf(db, mine);
  const names = await namesOf(db, [route.handler, ...handlers.values()]);
  const requests = mine
    .sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))
    .map((r) => {
      const handler = handlers.get(r._id) ?? null;
      return requestView(r, handler ? (names.get(handler) ?? null) : null, 'citizen');
    });
  return {
    requests,
    handler: route.handler ? (names.get(route.handler) ?? '包保责任人') : '业务主管',
    needsTownship: route.township === null,
    answerWithin: workingDaysLabel(requestSla().firstAnswerWorkingDays),
    photoFolder: photoFolderOf(caller.openid),
  };
};

export const requestThread: Handler<'casework', 'requestThread'> = async (input, ctx) => {
  const scoped = await requestFor(ctx, input.requestId);
  const thread = await threadOf(ctx, scoped, { withPhoto: true });
  if (ctx.caller.role !== 'citizen') await audit(ctx, 'requestThread', scoped.request._id);
  return thread;
};

export const answer: Handler<'casework', 'answer'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scoped = await requestFor(ctx, input.requestId);
  const moved = transitionRequest(scoped.request.status, { type: 'answer' });
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const next = await transaction(db, async (tx) => {
    const repo = requestsRepo(tx);
    const fresh = await repo.get(scoped.request._id);
    const again = transitionRequest(fresh.status, { type: 'answer' });
    if (!again.ok) throw new AppError('CONFLICT', again.reason);
    await repo.addMessage({
      requestId: fresh._id,
      at: now,
      from: 'staff',
      authorOpenid: caller.openid,
      authorName: caller.user?.displayName ?? null,
      text: input.text,
      seq: fresh.messageCount + 1,
    });
    const patch = {
      status: again.to,
      firstAnsweredAt: fresh.firstAnsweredAt ?? now,
      lastMessageAt: now,
      messageCount: fresh.messageCount + 1,
    };
    await repo.update(fresh._id, patch);
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'casework.answer', subjectId: fresh._id },
      now,
    );
    return { ...fresh, ...patch };
  });
  await tellCitizen(
    db,
    next,
    {
      result: '已答复',
      note: input.text,
      title: `您的求助已有答复：${REQUEST_KIND_LABELS[next.kind]}`,
      body: input.text,
    },
    now,
  );
  return threadOf(ctx, { request: next, handler: scoped.handler });
};

/**
 * The citizen adds to their own request (补充说明) while it is not closed. An answered request
 * waits for staff again: its deadline and escalations count from this addition (a new level 0),
 * not from the original ask; a request still waiting keeps its deadline. Whoever answers it now —
 * the caseworker, or the supervisors of its township — is told.
 */
export const addToRequest: Handler<'casework', 'addToRequest'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scoped = await requestFor(ctx, input.requestId);
  const moved = transitionRequest(scoped.request.status, { type: 'addTo' });
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const full = () =>
    new AppError('CONFLICT', '这条求助的留言已经很多了，如有新的问题，请重新提交一条求助');
  if (scoped.request.messageCount >= MAX_REQUEST_MESSAGES) throw full();
  const next = await transaction(db, async (tx) => {
    const repo = requestsRepo(tx);
    const fresh = await repo.get(scoped.request._id);
    const again = transitionRequest(fresh.status, { type: 'addTo' });
    if (!again.ok) throw new AppError('CONFLICT', again.reason);
    if (fresh.messageCount >= MAX_REQUEST_MESSAGES) throw full();
    await repo.addMessage({
      requestId: fresh._id,
      at: now,
      from: 'citizen',
      authorOpenid: caller.openid,
      authorName: null,
      text: input.text,
      seq: fresh.messageCount + 1,
    });
    const reopened = fresh.status === 'answered';
    const patch: Partial<NewRequest> = {
      status: again.to,
      lastMessageAt: now,
      messageCount: fresh.messageCount + 1,
      // Waiting again: the clock starts at this addition.
      ...(reopened
        ? {
            waitingSince: now,
            answerDue: firstAnswerDue(now, requestSla()),
            escalationLevel: 0,
            escalatedAt: null,
          }
        : {}),
    };
    await repo.update(fresh._id, patch);
    return { ...fresh, ...patch } as RequestRecord;
  });
  const what = {
    result: '市民补充说明',
    note: input.text,
    title: `求助有新的补充：${REQUEST_KIND_LABELS[next.kind]}`,
    body: `${next.personName || '一位市民'}补充：${input.text}`,
  };
  if (scoped.handler) await tellStaff(db, scoped.handler, next, what, now);
  else await tellSupervisors(db, next, what, now);
  return threadOf(ctx, { request: next, handler: scoped.handler });
};

export const closeRequest: Handler<'casework', 'closeRequest'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const scoped = await requestFor(ctx, input.requestId);
  const by: 'citizen' | 'staff' = caller.role === 'citizen' ? 'citizen' : 'staff';
  const moved = transitionRequest(scoped.request.status, { type: 'close', by });
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const next = await transaction(db, async (tx) => {
    const repo = requestsRepo(tx);
    const fresh = await repo.get(scoped.request._id);
    const again = transitionRequest(fresh.status, { type: 'close', by });
    if (!again.ok) throw new AppError('CONFLICT', again.reason);
    if (input.note) {
      await repo.addMessage({
        requestId: fresh._id,
        at: now,
        from: by,
        authorOpenid: caller.openid,
        authorName: by === 'staff' ? (caller.user?.displayName ?? null) : null,
        text: input.note,
        seq: fresh.messageCount + 1,
      });
    }
    const patch = {
      status: again.to,
      closedAt: now,
      closedBy: by,
      ...(input.note ? { lastMessageAt: now, messageCount: fresh.messageCount + 1 } : {}),
    };
    await repo.update(fresh._id, patch);
    if (by === 'staff') {
      await auditRepo(tx).append(
        { actorOpenid: caller.openid, action: 'casework.closeRequest', subjectId: fresh._id },
        now,
      );
    }
    return { ...fresh, ...patch } as RequestRecord;
  });
  if (by === 'staff') {
    await tellCitizen(
      db,
      next,
      {
        result: '已结束',
        note: '请对本次答复作出评价',
        title: `您的求助已办结：${REQUEST_KIND_LABELS[next.kind]}`,
        body: '工作人员已结束这条求助。请打开“我的求助”对本次答复作出评价（好、中、差）。',
      },
      now,
    );
  }
  return threadOf(ctx, { request: next, handler: scoped.handler });
};

export const rate: Handler<'casework', 'rate'> = async (input, ctx) => {
  const { db, now } = ctx;
  const scoped = await requestFor(ctx, input.requestId);
  const { request } = scoped;
  const moved = transitionRequest(request.status, { type: 'rate', rated: request.rating !== null });
  if (!moved.ok) throw new AppError('CONFLICT', moved.reason);
  const review = needsSupervisorReview(input.rating);
  const patch: Partial<NewRequest> = {
    rating: { value: input.rating, comment: input.comment, at: now },
    ...(review
      ? { review: { status: 'open', openedAt: now, closedAt: null, note: null, byName: null } }
      : {}),
  };
  // Only a request not rated yet takes the rating (a double tap rates once).
  const next = await transaction(db, async (tx) => {
    const fresh = await requestsRepo(tx).get(request._id);
    if (fresh.rating !== null) throw new AppError('CONFLICT', '您已经评价过了');
    await requestsRepo(tx).update(request._id, patch);
    return { ...fresh, ...patch } as RequestRecord;
  });
  if (review) {
    await tellSupervisors(
      db,
      next,
      {
        result: '差评复核',
        note: input.comment,
        title: `求助答复被评为“${RATING_LABELS[input.rating]}”，请复核`,
        body: `${next.personName || '一位市民'}对“${REQUEST_KIND_LABELS[next.kind]}”的答复评价为差：${input.comment}`,
      },
      now,
    );
  }
  return threadOf(ctx, { request: next, handler: scoped.handler });
};

export const closeReview: Handler<'casework', 'closeReview'> = async (input, ctx) => {
  const { caller, db, now } = ctx;
  const { request } = await requestFor(ctx, input.requestId);
  if (request.review?.status !== 'open') {
    throw new AppError('CONFLICT', '这条求助没有待复核的差评');
  }
  await transaction(db, async (tx) => {
    const fresh = await requestsRepo(tx).get(request._id);
    if (fresh.review?.status !== 'open') throw new AppError('CONFLICT', '这条求助没有待复核的差评');
    await requestsRepo(tx).update(request._id, {
      review: {
        ...fresh.review,
        status: 'done',
        closedAt: now,
        note: input.note,
        byName: caller.user?.displayName ?? null,
      },
    });
    await auditRepo(tx).append(
      { actorOpenid: caller.openid, action: 'casework.closeReview', subjectId: request._id },
      now,
    );
  });
  return { requestId: request._id, review: 'done' as const };
};

const STATUS_ORDER: Record<RequestStatus, number> = { open: 0, answered: 1, closed: 2 };

/** Waiting longest first; overdue ones on top; answered and closed ones after, newest first. */
function inboxOrder(a: InboxItem, b: InboxItem): number {
  return (
    Number(b.overdue) - Number(a.overdue) ||
    Number(b.review === 'open') - Number(a.review === 'open') ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.status === 'open'
      ? a.createdAt.localeCompare(b.createdAt)
      : b.createdAt.localeCompare(a.createdAt))
  );
}

/** The requests a staff member must see, each with why it is theirs. */
export async function inboxOf(
  ctx: ActionContext,
  statuses: readonly RequestStatus[],
): Promise<{ request: RequestRecord; handler: string | null; reason: InboxReason }[]> {
  const { caller, db } = ctx;
  const repo = requestsRepo(db);
  if (caller.role === 'caseworker') {
    const ids = (await membershipsRepo(db).openOf(caller.openid)).map((m) => m.registrationId);
    // Asked before registering: tied to the registration first, so they are here too.
    await attachRequests(db, await openidsOf(db, ids));
    const mine = await repo.ofRegistrations(ids, statuses);
    return mine.map((request) => ({ request, handler: caller.openid, reason: 'own' as const }));
  }
  const scope = supervisorScope(caller);
  const read = () => Promise.all([repo.inTownships(scope, statuses), repo.underReview(scope)]);
  let [inScope, reviews] = await read();
  // Asked before registering: tied to the person's registration (and caseworker) when they have
  // one now, and read again so they show where they belong.
  const loose = [...new Set(inScope.filter((r) => r.registrationId === null).map((r) => r.openid))];
  if (loose.length > 0 && (await attachRequests(db, loose)) > 0) [inScope, reviews] = await read();
  const candidates = [...inScope, ...reviews.filter((r) => !inScope.some((s) => s._id === r._id))];
  const handlers = await handlersOf(db, candidates);
  const out: { request: RequestRecord; handler: string | null; reason: InboxReason }[] = [];
  for (const request of candidates) {
    const handler = handlers.get(request._id) ?? null;
    const reason: InboxReason | null =
      request.review?.status === 'open'
        ? 'review'
        : handler === null && statuses.includes(request.status)
          ? 'unassigned'
          : request.status === 'open' && request.escalationLevel > 0
            ? 'escalated'
            : null;
    if (reason) out.push({ request, handler, reason });
  }
  return out;
}

export const inbox: Handler<'casework', 'inbox'> = async (input, ctx) => {
  const { db, now } = ctx;
  const statuses: RequestStatus[] = input.status ? [input.status] : ['open', 'answered'];
  const found = await inboxOf(ctx, statuses);
  const names = await namesOf(
    db,
    found.map((f) => f.handler),
  );
  const requests = found
    .map(({ request, handler, reason }) =>
      inboxItem(request, handler ? (names.get(handler) ?? null) : null, reason, now),
    )
    .sort(inboxOrder);
  // Which requests (and whose) were shown, not only how many (PIPL 第51条), as caseload does.
  const shown = requests.slice(0, AUDITED_IDS_MAX);
  await audit(ctx, 'inbox', undefined, {
    count: requests.length,
    ids: shown.map((r) => r.id).join(','),
    registrationIds: [
      ...new Set(shown.map((r) => r.registrationId).filter((r): r is string => !!r)),
    ].join(','),
    idsTruncated: shown.length < requests.length,
  });
  return {
    requests,
    counts: {
      open: requests.filter((r) => r.status === 'open').length,
      overdue: requests.filter((r) => r.overdue).length,
    },
    answerWithin: workingDaysLabel(requestSla().firstAnswerWorkingDays),
  };
};
