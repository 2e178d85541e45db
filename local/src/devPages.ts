/**
 * Local-only developer pages: the demo accounts (users with `demo: true`) to log in as in the H5
 * build, and the subscription-message outbox, newest first.
 */
import {
  ROLE_LABELS,
  STAFF_ORG_LABELS,
  type DevAccount,
  type Role,
  type StaffOrg,
} from '@nuanxin/shared';

import type { LocalCloud } from './cloud';
import type { OutboxEntry } from './openapi';

export function demoAccounts(cloud: LocalCloud): DevAccount[] {
  return cloud.store
    .collection('users')
    .find({ demo: true })
    .map((user) => {
      const role = typeof user.role === 'string' ? user.role : 'citizen';
      const org = typeof user.org === 'string' ? user.org : null;
      return {
        openid: String(user.openid ?? ''),
        displayName: typeof user.displayName === 'string' ? user.displayName : '（未命名）',
        role,
        roleLabel: ROLE_LABELS[role as Role] ?? role,
        org,
        orgLabel: org ? (STAFF_ORG_LABELS[org as StaffOrg] ?? org) : null,
        note: typeof user.demoNote === 'string' ? user.demoNote : null,
      };
    });
}

export function outboxNewestFirst(cloud: LocalCloud): OutboxEntry[] {
  return cloud.outbox().reverse();
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export function devPage(cloud: LocalCloud): string {
  const accounts = demoAccounts(cloud);
  const outbox = outboxNewestFirst(cloud);
  const accountRows = accounts
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.displayName)}</td><td>${escapeHtml(a.roleLabel)}</td><td>${escapeHtml(a.orgLabel ?? '—')}</td><td>${escapeHtml(a.note ?? '')}</td><td><code>${escapeHtml(a.openid)}</code></td></tr>`,
    )
    .join('');
  const outboxRows = outbox
    .map((m) => {
      const fields = Object.entries(m.data)
        .map(([key, v]) => `${escapeHtml(key)}：${escapeHtml(String(v.value))}`)
        .join('<br>');
      return `<tr><td>${escapeHtml(m.at)}</td><td><code>${escapeHtml(m.touser)}</code></td><td><code>${escapeHtml(m.templateId)}</code></td><td>${escapeHtml(m.page ?? '')}</td><td>${fields}</td></tr>`;
    })
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>暖心就业 · 本地开发工具</title>
<style>body{font-family:sans-serif;margin:2em;line-height:1.6}table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top;white-space:nowrap}</style>
</head><body>
<h1>本地开发工具</h1>
<p>H5 应用：<a href="/">/</a>；接口契约：<a href="/cloud/_contract">/cloud/_contract</a></p>
<h2>演示账号（${accounts.length}）</h2>
${accounts.length ? `<table><tr><th>姓名</th><th>角色</th><th>机构</th><th>说明</th><th>openid</th></tr>${accountRows}</table>` : '<p>暂无演示账号，请先运行 <code>npm run seed</code>。</p>'}
<h2>订阅消息发件箱（${outbox.length}，最新在前）</h2>
${outbox.length ? `<table><tr><th>时间</th><th>接收人</th><th>模板</th><th>页面</th><th>内容</th></tr>${outboxRows}</table>` : '<p>还没有发送过订阅消息。</p>'}
</body></html>`;
}
