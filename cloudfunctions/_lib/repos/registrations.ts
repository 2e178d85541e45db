import type {
  CancelReason,
  Declarations,
  EducationLevel,
  KeyGroupTag,
  RegistrationStatus,
  RetirementCategory,
  wishesSchema,
  workSchema,
  z,
} from '@nuanxin/shared';

import { allRows, command, docOf, rows, type Store } from '../cloud';

/**
 * What is stored of the identity section. The ID number is stored only encrypted (PIPL 第28条:
 * sensitive personal information), with its mask for staff views; birth date and sex are derived
 * from it on submit. One active registration per person is enforced by `activeKey`, which holds
 * the number's HMAC, never the number.
 */
export interface StoredIdentity {
  name?: string;
  idNumberEnc?: string | null;
  idMasked?: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  retirementCategory?: RetirementCategory;
  mobile?: string;
  hukouPlace?: string;
  hukouType?: 'urban' | 'rural';
  township?: string;
  community?: string;
  location?: { lng: number; lat: number } | null;
  education?: EducationLevel;
  graduationDate?: string | null;
}

export type StoredWork = Partial<z.output<typeof workSchema>>;
export type StoredWishes = Partial<z.output<typeof wishesSchema>>;

/** Declared key groups as booleans; the 残疾人证号 only encrypted. */
export type StoredDeclarations = Declarations & { disabilityCertNoEnc?: string | null };

export interface RegistrationRecord {
  _id: string;
  openid: string;
  status: RegistrationStatus;
  /** 'draft:<openid>' | 'id:<HMAC of the ID number>' | 'closed:<_id>' — unique. */
  activeKey: string;
  /**
   * The ID number's HMAC, set on submit and kept when the active key is released, so every
   * registration of one person is found whichever WeChat account made it.
   */
  idHash?: string;
  step: number;
  identity: StoredIdentity;
  work: StoredWork;
  declarations: StoredDeclarations;
  wishes: StoredWishes;
  /** Declarations a caseworker checked against the evidence. */
  verified: Declarations;
  /** Derived for the day of the last write or timer run; views derive them again for today. */
  tags: KeyGroupTag[];
  employmentDifficulty: boolean;
  /** Copy of identity.township for indexes and scope queries. */
  township: string | null;
  /** The caseworker of the open 包保 membership; null while in the unassigned queue. */
  caseworkerOpenid: string | null;
  consentWithdrawnAt: Date | null;
  submittedAt: Date | null;
  registeredAt: Date | null;
  closedAt: Date | null;
  closeReason: CancelReason | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRegistration = Omit<RegistrationRecord, '_id'>;

export const draftKey = (openid: string) => `draft:${openid}`;
export const idKey = (hash: string) => `id:${hash}`;
export const closedKey = (id: string) => `closed:${id}`;

const OPEN_STATUSES: RegistrationStatus[] = ['submitted', 'registered'];

/**
 * Typed access to `registrations`. `get`, `create`, `replace` and `update` also work inside a
 * transaction; the queries do not (CloudBase allows only doc() operations and add there).
 */
export function registrationsRepo(db: Store) {
  const coll = db.collection('registrations');
  return {
    /** By id inside a transaction (the record is known to exist). */
    async get(id: string): Promise<RegistrationRecord> {
      return docOf<RegistrationRecord>(coll.doc(id));
    },
    async find(id: string): Promise<RegistrationRecord | null> {
      const [found] = await rows<RegistrationRecord>(coll.where({ _id: id }).limit(1));
      return found ?? null;
    },
    async draftOf(openid: string): Promise<RegistrationRecord | null> {
      const [found] = await rows<RegistrationRecord>(
        coll.where({ activeKey: draftKey(openid) }).limit(1),
      );
      return found ?? null;
    },
    /** The person's submitted or registered record, if any (at most one per person). */
    async openOf(openid: string): Promise<RegistrationRecord | null> {
      const [found] = await rows<RegistrationRecord>(
        coll.where({ openid, status: command().in(OPEN_STATUSES) }).limit(1),
      );
      return found ?? null;
    },
    /** Every record of the person, oldest first. */
    async allOf(openid: string): Promise<RegistrationRecord[]> {
      const all = await allRows<RegistrationRecord>(coll.where({ openid }));
      return all.sort((a, b) => +new Date(a.createdAt) - +new Date(b.createdAt));
    },
    /** Every record of one ID number (by its HMAC), from any account. */
    async byIdHash(idHash: string): Promise<RegistrationRecord[]> {
      return allRows<RegistrationRecord>(coll.where({ idHash }));
    },
    async byIds(ids: readonly string[]): Promise<RegistrationRecord[]> {
      const out: RegistrationRecord[] = [];
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        out.push(
          ...(await rows<RegistrationRecord>(
            coll.where({ _id: command().in(chunk) }).limit(chunk.length),
          )),
        );
      }
      return out;
    },
    /** Open records without a caseworker, in the given townships (null: the whole city). */
    async unassigned(townships: readonly string[] | null): Promise<RegistrationRecord[]> {
      const _ = command();
      return allRows<RegistrationRecord>(
        coll.where({
          status: _.in(OPEN_STATUSES),
          caseworkerOpenid: null,
          ...(townships ? { township: _.in([...townships]) } : {}),
        }),
      );
    },
    /** One page of open records after `afterId` in _id order (the daily timer's cursor). */
    async openPage(afterId: string | null, limit: number): Promise<RegistrationRecord[]> {
      const _ = command();
      return rows<RegistrationRecord>(
        coll
          .where({
            status: _.in(OPEN_STATUSES),
            ...(afterId ? { _id: _.gt(afterId) } : {}),
          })
          .orderBy('_id', 'asc')
          .limit(limit),
      );
    },
    async create(record: NewRegistration): Promise<string> {
      const { _id } = (await coll.add({ data: record })) as { _id: string };
      return _id;
    },
    /** Replaces the whole record (use inside a transaction after `get`). */
    async replace(id: string, record: NewRegistration): Promise<void> {
      await coll.doc(id).set({ data: record });
    },
    async update(id: string, patch: Partial<NewRegistration>): Promise<void> {
      await coll.doc(id).update({ data: patch });
    },
  };
}

/** The record without its _id, for `replace`. */
export function withoutId(record: RegistrationRecord): NewRegistration {
  const { _id, ...rest } = record;
  return rest;
}
