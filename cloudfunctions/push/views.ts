/** What the push screens show of a push (house style 5): the position as pushed, and how. */
import {
  PUSH_BASIS_LABELS,
  PUSH_CHANNEL_LABELS,
  townshipLabel,
  type PushView,
} from '@nuanxin/shared';

import type { PushRecord } from '../_lib';

export function pushView(p: PushRecord): PushView {
  return {
    id: p._id,
    vacancyId: p.vacancyId,
    title: p.vacancy.title,
    companyName: p.vacancy.companyName,
    townshipLabel: p.vacancy.township ? townshipLabel(p.vacancy.township) : '',
    at: new Date(p.at).toISOString(),
    publicWelfare: p.publicWelfare,
    internship: p.internship,
    channel: p.channel,
    channelLabel: PUSH_CHANNEL_LABELS[p.channel],
    basis: p.basis,
    basisLabel: PUSH_BASIS_LABELS[p.basis],
    reasons: p.reasons,
  };
}
