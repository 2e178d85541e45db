/**
 * The company's WeChat users (`company_members`): who belongs to which company, as owner (who
 * registered it) or colleague, from when until when. Only appended and ended, never deleted.
 */
import type { CompanyMemberRole } from '@nuanxin/shared';

import { allRows, rows, type Store } from '../_lib';

export interface MemberRecord {
  _id: string;
  companyId: string;
  openid: string;
  displayName: string;
  role: CompanyMemberRole;
  joinedAt: Date;
  leftAt: Date | null;
  /** The owner whose code they used; null for the owner. */
  invitedBy: string | null;
}

export interface CompanyInvitationRecord {
  _id: string;
  code: string;
  companyId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedBy: string | null;
  usedAt: Date | null;
}

export function membersRepo(db: Store) {
  const coll = db.collection('company_members');
  return {
    async ofCompany(companyId: string): Promise<MemberRecord[]> {
      return allRows<MemberRecord>(coll.where({ companyId }));
    },
    async currentOf(openid: string): Promise<MemberRecord | null> {
      const [found] = await rows<MemberRecord>(coll.where({ openid, leftAt: null }).limit(1));
      return found ?? null;
    },
    async find(id: string): Promise<MemberRecord | null> {
      const [found] = await rows<MemberRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    /** Transaction-safe. */
    async add(member: Omit<MemberRecord, '_id'>): Promise<string> {
      const { _id } = (await coll.add({ data: member })) as { _id: string };
      return _id;
    },
  };
}

export function companyInvitationsRepo(db: Store) {
  const coll = db.collection('company_invitations');
  return {
    async byCode(code: string): Promise<CompanyInvitationRecord | null> {
      const [found] = await rows<CompanyInvitationRecord>(coll.where({ code }).limit(1));
      return found ?? null;
    },
    async ofCompany(companyId: string): Promise<CompanyInvitationRecord[]> {
      return allRows<CompanyInvitationRecord>(coll.where({ companyId }));
    },
  };
}
