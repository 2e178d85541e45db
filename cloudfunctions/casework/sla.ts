/**
 * The request SLA of this deployment: `NUANXIN_REQUEST_SLA_DAYS` (working days to the first
 * answer, default 1) and `NUANXIN_REQUEST_ESCALATE_DAYS` (when an unanswered request escalates,
 * default 1,3,5), cloud function environment variables. Read at each use, validated by the shared
 * schema: a wrong value fails loudly (logged, INTERNAL to callers) instead of silently becoming
 * the default.
 */
import { requestSlaOf, type RequestSla } from '@nuanxin/shared';

export function requestSla(): RequestSla {
  return requestSlaOf(process.env);
}
