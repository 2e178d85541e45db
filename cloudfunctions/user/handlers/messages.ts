import { messagesRepo, type Handler, type MessageRecord } from '../../_lib';

function view(message: MessageRecord) {
  return {
    id: message._id,
    title: message.title,
    body: message.body,
    page: message.page ? message.page : null,
    at: new Date(message.at).toISOString(),
    read: message.read === true,
  };
}

/** The caller's own messages only: the openid comes from WeChat, never from the payload. */
export const listMessages: Handler<'user', 'listMessages'> = async (input, ctx) => {
  const repo = messagesRepo(ctx.db);
  const openid = ctx.caller.openid;
  const [page, unread] = await Promise.all([
    repo.page(openid, { before: input.before ? new Date(input.before) : null, limit: input.limit }),
    repo.unreadCount(openid),
  ]);
  return {
    messages: page.messages.map(view),
    unread,
    nextBefore: page.nextBefore ? page.nextBefore.toISOString() : null,
  };
};

/** Someone else's id, or one that does not exist, is ignored without a word. */
export const markRead: Handler<'user', 'markRead'> = async (input, ctx) => {
  const repo = messagesRepo(ctx.db);
  const openid = ctx.caller.openid;
  await repo.markRead(openid, input.all ? 'all' : (input.ids ?? []), ctx.now);
  return { unread: await repo.unreadCount(openid) };
};
