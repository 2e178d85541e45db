/**
 * The demo city's seed: 济宁市 staff of each organisation with the townships they cover, a few
 * employers, citizens of several key groups (most of them registered, with their 包保
 * caseworkers) and training institutions. Deterministic: the same
 * data on every machine. `scale` > 0 adds generated citizens and companies for benchmarks.
 */
import { findTownship, ROLE_LABELS, TOWNSHIPS, type Township } from '@nuanxin/shared';

import type { LocalCloud } from '../index';

import { seedCasework } from './casework';
import {
  citizenUsers,
  DEMO_COMPANIES,
  DEMO_INSTITUTIONS,
  staffUsers,
  usccFor,
  type DemoUser,
} from './data';
import { seededRandom } from './random';
import { registerDemoCitizens } from './registrations';
import { seedTraining } from './training';
import { seedVacancies } from './vacancies';

export interface SeedOptions {
  /** Extra generated data: `scale` × 1000 citizens and × 50 companies. */
  scale?: number;
  now?: Date;
}

function point(township: Township, random: () => number) {
  // A few hundred metres around the township's point, so places do not stack.
  const lng = township.lng + (random() - 0.5) * 0.006;
  const lat = township.lat + (random() - 0.5) * 0.006;
  return { type: 'Point', coordinates: [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] };
}

function township(code: string): Township {
  const found = findTownship(code);
  if (!found) throw new Error(`seed names an unknown township ${code}`);
  return found;
}

export async function seedDemo(
  cloud: LocalCloud,
  opts: SeedOptions = {},
): Promise<{ users: number; companies: number; institutions: number; registrations: number }> {
  const now = opts.now ?? new Date();
  const random = seededRandom(370800);
  const users = cloud.store.collection('users');
  const companies = cloud.store.collection('companies');
  const institutions = cloud.store.collection('training_institutions');

  const insertUser = (u: DemoUser, extra: Record<string, unknown> = {}) =>
    users.insert({ ...u, demo: true, createdAt: now, updatedAt: now, ...extra });

  for (const staff of staffUsers()) insertUser(staff);
  for (const citizen of citizenUsers()) insertUser(citizen);

  DEMO_COMPANIES.forEach((company, i) => {
    const place = township(company.township);
    const companyId = companies.insert({
      name: company.name,
      uscc: usccFor(random),
      industry: company.industry,
      township: company.township,
      location: point(place, random.next),
      contactName: company.contact,
      status: 'verified',
      demo: true,
      createdAt: now,
      updatedAt: now,
    });
    insertUser(
      {
        openid: `demo-employer-${i + 1}`,
        role: 'employer',
        displayName: `${company.contact}（${company.name}）`,
        org: null,
        townships: [],
        demoNote: `${ROLE_LABELS.employer}：${company.name}`,
      },
      { companyId },
    );
    // The demo employer registered the company: its owner, who may invite colleagues.
    cloud.store.collection('company_members').insert({
      companyId,
      openid: `demo-employer-${i + 1}`,
      displayName: company.contact,
      role: 'owner',
      joinedAt: now,
      leftAt: null,
      invitedBy: null,
    });
  });

  seedVacancies(cloud, now);

  for (const institution of DEMO_INSTITUTIONS) {
    institutions.insert({
      ...institution,
      location: point(township(institution.township), random.next),
      demo: true,
      createdAt: now,
    });
  }

  const scale = Math.max(0, Math.floor(opts.scale ?? 0));
  for (let i = 0; i < scale * 1000; i += 1) {
    users.insert({
      openid: `gen-citizen-${i + 1}`,
      role: 'citizen',
      displayName: `居民${i + 1}`,
      org: null,
      townships: [],
      homeTownship: random.pick(TOWNSHIPS).code,
      createdAt: now,
      updatedAt: now,
    });
  }
  for (let i = 0; i < scale * 50; i += 1) {
    const place = random.pick(TOWNSHIPS);
    companies.insert({
      name: `示例企业${i + 1}`,
      uscc: usccFor(random),
      industry: random.pick(['C', 'E', 'F', 'G', 'H', 'O']),
      township: place.code,
      location: point(place, random.next),
      status: 'verified',
      createdAt: now,
      updatedAt: now,
    });
  }

  // Last, through the real function: the demo citizens' registrations (registrations.ts).
  const registrations = await registerDemoCitizens(cloud);
  // Then the demo caseworker's workbench: someone overdue, someone due soon, a request (casework.ts).
  await seedCasework(cloud, now);
  // Then the training courses, bookings and certificates (training.ts).
  await seedTraining(cloud, now);
  // Then the demo seekers' recommendations: the matching function's timer drains the refresh
  // queue their submissions filled (a cloud without that function has none to make).
  await cloud.scheduler.runTimer('matching', now).catch(() => undefined);

  return {
    users: users.count(),
    companies: companies.count(),
    institutions: institutions.count(),
    registrations,
  };
}
