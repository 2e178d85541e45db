import { ROLES } from '../../roles';
import { z } from '../../zod';
import { defineAction } from '../define';

/** At most this many messages per page of the inbox, and per markRead call. */
export const MESSAGES_PAGE_MAX = 50;
export const MESSAGES_PAGE_DEFAULT = 20;

/** A document id as the cloud database makes it (32 hex characters; letters, digits, - and _). */
const messageIdSchema = z
  .string({ error: '消息编号应为文字' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '消息编号不正确' });

/**
 * An instant in ISO 8601 with its offset, as `nextBefore` gives it ('2026-11-22T01:30:00.000Z').
 * A plain pattern rather than `z.iso.datetime`, which would add its parser to the main package.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const BAD_CURSOR = '分页位置应为 ISO 8601 时间';

export const inboxMessageSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** The mini-program page the message opens ('packages/…/index'), or null when none. */
  page: z.string().nullable(),
  /** When it was sent, ISO 8601 (UTC). */
  at: z.string(),
  read: z.boolean(),
});
export type InboxMessage = z.output<typeof inboxMessageSchema>;

/**
 * The caller's own in-app messages (站内消息), newest first, a page at a time: `before` is the
 * `nextBefore` of the previous page. Each message is a notice WeChat could not push.
 */
export const listMessages = defineAction({
  fn: 'user',
  action: 'listMessages',
  title: '查看本人的站内消息（按时间倒序分页）',
  input: z.strictObject({
    before: z
      .string({ error: BAD_CURSOR })
      .regex(ISO_INSTANT, { error: BAD_CURSOR })
      .refine((value) => !Number.isNaN(Date.parse(value)), { error: BAD_CURSOR })
      .optional(),
    limit: z
      .number({ error: '每页条数应为数字' })
      .int({ error: '每页条数应为整数' })
      .min(1, { error: '每页至少1条' })
      .max(MESSAGES_PAGE_MAX, { error: `每页不超过${MESSAGES_PAGE_MAX}条` })
      .default(MESSAGES_PAGE_DEFAULT),
  }),
  output: z.object({
    messages: z.array(inboxMessageSchema),
    /** Unread messages in the whole inbox, not only this page. */
    unread: z.number().int().min(0),
    /** Pass as `before` for the next page; null when this page is the last. */
    nextBefore: z.string().nullable(),
  }),
  roles: ROLES,
  example: { limit: 20 },
  writes: false,
});

/**
 * Marks some of the caller's messages read (`ids`), or all of them (`all: true`). Ids of other
 * people's messages, or of none, are ignored without a word: the answer never tells whether an
 * id exists.
 */
export const markRead = defineAction({
  fn: 'user',
  action: 'markRead',
  title: '将本人的站内消息标为已读（指定消息或全部）',
  input: z
    .strictObject({
      ids: z
        .array(messageIdSchema, { error: '消息编号应为列表' })
        .min(1, { error: '请至少选择一条消息' })
        .max(MESSAGES_PAGE_MAX, { error: `一次最多标记${MESSAGES_PAGE_MAX}条消息` })
        .optional(),
      all: z.literal(true, { error: '全部标为已读时 all 应为 true' }).optional(),
    })
    .refine((v) => (v.ids === undefined) !== (v.all === undefined), {
      error: '请指定要标为已读的消息，或选择全部标为已读（二者选一）',
    }),
  output: z.object({ unread: z.number().int().min(0) }),
  roles: ROLES,
  example: { all: true },
  writes: true,
});
