/**
 * Institutions and courses, as 就业中心 staff, supervisors and institutions manage them. A course
 * keeps its seat counter beside it (created in the same transaction); its capacity never drops
 * below the seats taken, and a larger capacity gives the new seats to the waitlist at once.
 * Staff publish directly; a course an institution creates or changes materially waits for the
 * 就业中心's review (courseState.ts). People booked are told when the time or place changes.
 */
import { AppError, dateKey, findTownship, type courseInput, type z } from '@nuanxin/shared';
import { findOccupation } from '@nuanxin/shared/src/data/occupations';
import {
  courseChanges,
  courseMode,
  courseTimes,
  sortSessions,
  type CourseStatus,
} from '@nuanxin/shared/src/training';

import {
  auditRepo,
  bookingsRepo,
  companiesRepo,
  coursesRepo,
  geoPoint,
  institutionsRepo,
  lngLatOf,
  seatsRepo,
  townshipCentre,
  transaction,
  type ActionContext,
  type CourseRecord,
  type Handler,
  type InstitutionRecord,
  type NewCourse,
} from '../_lib';

import {
  COURSE_NOT_FOUND,
  courseManager,
  findManager,
  inTownships,
  manages,
  type Manager,
} from './access';
import { changeWhat, tellOfChange } from './notices';
import { promoteAfter } from './seats';
import { institutionView, staffRow } from './views';

const INSTITUTION_MISSING = '没有找到这个培训机构，或它不在您的管理范围内';

function isStaffEditor(ctx: ActionContext): boolean {
  const { caller } = ctx;
  return (
    caller.role === 'supervisor' ||
    (caller.role === 'caseworker' && caller.user?.org === 'employment')
  );
}

async function institutionRow(ctx: ActionContext, i: InstitutionRecord, manager: Manager | null) {
  // Only a verified company's account may act for the institution (see ownInstitutions).
  const company = i.uscc ? await companiesRepo(ctx.db).byUscc(i.uscc) : null;
  const hasAccount = company?.status === 'verified';
  return {
    ...institutionView(i),
    uscc: i.uscc ?? null,
    hasAccount,
    canEdit: manager?.kind === 'staff' && inTownships(manager.townships, i.township),
  };
}

export const institutions: Handler<'training', 'institutions'> = async (_input, ctx) => {
  const manager = await courseManager(ctx);
  // Staff publish courses for any institution (an online platform teaches citywide); an
  // institution sees only itself.
  const list =
    manager.kind === 'institution' ? manager.institutions : await institutionsRepo(ctx.db).all();
  const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  return {
    institutions: await Promise.all(sorted.map((i) => institutionRow(ctx, i, manager))),
    coursesReviewed: manager.kind === 'institution',
  };
};

export const saveInstitution: Handler<'training', 'saveInstitution'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const manager = await courseManager(ctx);
  if (manager.kind !== 'staff' || !isStaffEditor(ctx)) {
    throw new AppError('FORBIDDEN', '只有就业中心工作人员和业务主管可以登记培训机构');
  }
  if (!findTownship(input.township)) {
    throw new AppError('VALIDATION', '请选择机构所在乡镇（街道）', {
      township: '请选择机构所在乡镇（街道）',
    });
  }
  if (!inTownships(manager.townships, input.township)) {
    throw new AppError('VALIDATION', '只能登记您负责的乡镇（街道）内的培训机构', {
      township: '不在您负责的乡镇（街道）内',
    });
  }
  const repo = institutionsRepo(db);
  const existing = input.id ? await repo.find(input.id) : null;
  if (input.id && (!existing || !inTownships(manager.townships, existing.township))) {
    throw new AppError('NOT_FOUND', INSTITUTION_MISSING);
  }
  const centre = townshipCentre(input.township);
  const fields = {
    name: input.name,
    kind: input.kind,
    township: input.township,
    address: input.address,
    phone: input.phone,
    uscc: input.uscc,
    updatedAt: now,
  };
  let record: InstitutionRecord;
  if (existing) {
    const moved = existing.township !== input.township;
    const location = moved ? (centre ? geoPoint(centre) : null) : existing.location;
    await repo.update(existing._id, { ...fields, location });
    record = { ...existing, ...fields, location };
    if (existing.name !== input.name) {
      // Lists show the institution's name from each course: keep them in step.
      for (const c of await coursesRepo(db).ofInstitution(existing._id)) {
        await coursesRepo(db).update(c._id, { institutionName: input.name });
      }
    }
  } else {
    const data = { ...fields, location: centre ? geoPoint(centre) : null, createdAt: now };
    record = { _id: await repo.insert(data), ...data };
  }
  await auditRepo(db).append(
    { actorOpenid: caller.openid, action: 'training.saveInstitution', subjectId: record._id },
    now,
  );
  return { institution: await institutionRow(ctx, record, manager) };
};

export async function rowsFor(ctx: ActionContext, courses: CourseRecord[], manager: Manager) {
  const { db, now } = ctx;
  const seats = new Map(
    (await seatsRepo(db).byIds(courses.map((c) => c._id))).map((s) => [s._id, s]),
  );
  const bookings = await bookingsRepo(db).ofCourses(courses.map((c) => c._id));
  const access = (c: CourseRecord) => ({
    manages: manages(manager, c),
    reviews: manager.kind === 'staff',
  });
  return courses.map((c) => staffRow(c, seats.get(c._id), bookings, access(c), now));
}

export const manageCourses: Handler<'training', 'manageCourses'> = async (input, ctx) => {
  const { db, now } = ctx;
  const found = await findManager(ctx);
  if (!found.manager) {
    // An employer not (yet) linked to an institution: an explanation, not an error page.
    if (ctx.caller.role === 'employer') {
      return { courses: [], institution: null, notice: found.reason, canCreate: false };
    }
    throw new AppError('FORBIDDEN', found.reason);
  }
  const manager = found.manager;
  const courses = (
    manager.kind === 'staff'
      ? await coursesRepo(db).managed({ townships: manager.townships })
      : await coursesRepo(db).managed({ institutionIds: manager.institutions.map((i) => i._id) })
  )
    .filter((c) => !input.status || c.status === input.status)
    .filter((c) => input.includePast || new Date(c.endsAt) >= now)
    .sort((a, b) => +new Date(a.startsAt) - +new Date(b.startsAt) || a._id.localeCompare(b._id));
  const own = manager.kind === 'institution' ? manager.institutions[0] : undefined;
  return {
    courses: await rowsFor(ctx, courses, manager),
    institution: own ? institutionView(own) : null,
    notice:
      manager.kind === 'staff' && manager.townships?.length === 0
        ? '您的账号还没有负责的乡镇（街道），请联系管理员'
        : null,
    canCreate: manager.kind === 'institution' || (manager.townships?.length ?? 1) > 0,
  };
};

export async function managedCourse(ctx: ActionContext, manager: Manager, id: string) {
  const course = await coursesRepo(ctx.db).find(id);
  if (!course || !manages(manager, course)) throw new AppError('NOT_FOUND', COURSE_NOT_FOUND);
  return course;
}

export const staffCourse: Handler<'training', 'staffCourse'> = async (input, ctx) => {
  const manager = await courseManager(ctx);
  const course = await managedCourse(ctx, manager, input.courseId);
  const [row] = await rowsFor(ctx, [course], manager);
  return {
    course: {
      ...row!,
      sessions: sortSessions(course.sessions).map((s) => ({ ...s, topic: s.topic ?? '' })),
      address: course.address,
      waitlistLimit: course.waitlistLimit,
      subsidyRule: course.subsidyRule,
      targetGroups: course.targetGroups,
      description: course.description,
      contactPhone: course.contactPhone,
      editStatus:
        course.status === 'published' || course.status === 'closed'
          ? course.status
          : (course.afterReview ?? 'published'),
    },
  };
};

type CourseFields = z.output<typeof courseInput>;

function invalid(field: string, message: string): never {
  throw new AppError('VALIDATION', message, { [field]: message });
}

export const COURSE_IS_CANCELLED = '这门课程已取消，不能再修改；如需重新开班，请发布新课程';

export const saveCourse: Handler<'training', 'saveCourse'> = async (input, ctx) => {
  const { db, now, caller } = ctx;
  const manager = await courseManager(ctx);
  const existing = input.id ? await managedCourse(ctx, manager, input.id) : null;
  if (existing?.status === 'cancelled') throw new AppError('CONFLICT', COURSE_IS_CANCELLED);
  const institution = await institutionsRepo(db).find(input.institutionId);
  const ownInstitution =
    manager.kind === 'staff' || manager.institutions.some((i) => i._id === input.institutionId);
  if (!institution || !ownInstitution) invalid('institutionId', '请选择培训机构');
  if (
    existing &&
    existing.institutionId !== input.institutionId &&
    manager.kind === 'institution'
  ) {
    invalid('institutionId', '不能把课程转给其他机构');
  }
  const occupation = findOccupation(input.occupationCode);
  if (!occupation || occupation.level !== 'occupation') {
    invalid('occupationCode', '请从职业列表中选择具体职业');
  }
  if (!findTownship(input.township)) invalid('township', '请选择上课地点所在乡镇（街道）');
  if (manager.kind === 'staff' && !inTownships(manager.townships, input.township)) {
    invalid('township', '只能在您负责的乡镇（街道）发布课程');
  }
  const sessions = sortSessions(input.sessions);
  const { startsAt, endsAt } = courseTimes(sessions);
  const changingTimes =
    !existing ||
    +new Date(existing.startsAt) !== +startsAt ||
    existing.enrolDeadline !== input.enrolDeadline;
  if (changingTimes && startsAt <= now) invalid('sessions', '第一次上课时间已过，请重新安排');
  if (changingTimes && input.enrolDeadline < dateKey(now)) {
    invalid('enrolDeadline', '报名截止日期不能早于今天');
  }

  const seatsBefore = existing ? await seatsRepo(db).find(existing._id) : null;
  const holders = (seatsBefore?.taken ?? 0) + (seatsBefore?.waiting ?? 0);
  if (existing && holders > 0 && existing.funding !== input.funding) {
    // The free quota was counted (or not) by the course's funding when people booked.
    invalid('funding', '已有人报名，不能修改收费方式；如需调整请新建课程');
  }
  if (seatsBefore && input.capacity < seatsBefore.taken) {
    invalid(
      'capacity',
      `已有${seatsBefore.taken}人占用名额，招生人数不能少于${seatsBefore.taken}人`,
    );
  }

  // Staff publish directly. An institution's new course, or a material change to one, waits for
  // the 就业中心's review; so does any change to a course still in review or sent back.
  const terms = { ...input, sessions };
  const changes = existing ? courseChanges(existing, terms) : null;
  const toReview =
    manager.kind === 'institution' &&
    (!existing ||
      changes!.material ||
      existing.status === 'pendingReview' ||
      existing.status === 'rejected');
  const status: CourseStatus = toReview ? 'pendingReview' : input.status;

  const offline = sessions.some((s) => !s.online);
  const at =
    input.township === institution!.township
      ? (lngLatOf(institution!.location) ?? townshipCentre(input.township))
      : townshipCentre(input.township);
  const record: NewCourse = {
    institutionId: institution!._id,
    institutionName: institution!.name,
    title: input.title,
    occupationCode: input.occupationCode,
    occupationName: occupation!.name,
    level: input.level,
    mode: courseMode(sessions),
    sessions: sessions.map((s: CourseFields['sessions'][number]) => ({ ...s })),
    township: input.township,
    address: input.address,
    location: offline && at ? geoPoint(at) : null,
    capacity: input.capacity,
    waitlistLimit: input.waitlistLimit,
    funding: input.funding,
    fee: input.fee,
    subsidyRule: input.subsidyRule,
    targetGroups: input.targetGroups,
    enrolDeadline: input.enrolDeadline,
    description: input.description,
    contactPhone: input.contactPhone,
    status,
    afterReview: toReview ? input.status : null,
    reviewNote: null,
    reviewedBy: existing?.reviewedBy ?? null,
    reviewedAt: existing?.reviewedAt ?? null,
    cancelReason: null,
    cancelledBy: null,
    cancelledAt: null,
    startsAt,
    endsAt,
    createdBy: existing?.createdBy ?? caller.openid,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };

  const id = await transaction(db, async (tx) => {
    if (!existing) {
      const newId = await coursesRepo(tx).create(record);
      await seatsRepo(tx).put({
        _id: newId,
        capacity: record.capacity,
        waitlistLimit: record.waitlistLimit,
        taken: 0,
        waiting: 0,
        nextWaitSeq: 1,
      });
      return newId;
    }
    // Cancelled meanwhile: a save must not bring it back.
    if ((await coursesRepo(tx).get(existing._id))?.status === 'cancelled') {
      throw new AppError('CONFLICT', COURSE_IS_CANCELLED);
    }
    const seats = await seatsRepo(tx).get(existing._id);
    if (seats && record.capacity < seats.taken) {
      throw new AppError(
        'VALIDATION',
        `已有${seats.taken}人占用名额，招生人数不能少于${seats.taken}人`,
        {
          capacity: '招生人数不能少于已占用的名额',
        },
      );
    }
    await coursesRepo(tx).replace(existing._id, record);
    await seatsRepo(tx).put({
      ...seats,
      _id: existing._id,
      taken: seats?.taken ?? 0,
      waiting: seats?.waiting ?? 0,
      nextWaitSeq: seats?.nextWaitSeq ?? 1,
      capacity: record.capacity,
      waitlistLimit: record.waitlistLimit,
    });
    return existing._id;
  });
  const saved: CourseRecord = { ...record, _id: id };
  await auditRepo(db).append(
    {
      actorOpenid: caller.openid,
      action: existing ? 'training.saveCourse.update' : 'training.saveCourse.create',
      subjectId: id,
      ...(toReview ? { detail: { status: 'pendingReview' } } : {}),
    },
    now,
  );
  // More seats, or enrolment open again: the people waiting get them now.
  if (existing && record.status === 'published') await promoteAfter(db, saved, now, 'saveCourse');
  const told =
    existing && (changes!.time || changes!.place)
      ? await tellOfChange(db, saved, changes!, now)
      : 0;
  const [row] = await rowsFor(ctx, [saved], manager);
  const saidFirst = toReview
    ? '已提交就业中心审核，审核通过后求职者即可看到并报名'
    : existing
      ? '已保存'
      : '已发布';
  return {
    course: row!,
    message:
      told > 0
        ? `${saidFirst}；已通知${told}名报名和候补人员${changeWhat(changes!)}的变更`
        : saidFirst,
  };
};
