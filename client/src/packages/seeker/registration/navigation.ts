/**
 * Where the registration pages live, and the one consent rule they share.
 */
import type { CallOutput } from '../../../services/cloud';

export const REGISTRATION_URLS = {
  landing: '/packages/seeker/registration/index',
  form: '/packages/seeker/registration/form/index',
  result: '/packages/seeker/registration/result/index',
  mine: '/packages/seeker/registration/mine/index',
  home: '/pages/home/index',
} as const;

type ConsentView = CallOutput<'registration', 'getConsent'>;

/**
 * Consent counts when it was given to the notice now shown (a new version needs a new consent)
 * and not withdrawn since.
 */
export function hasCurrentConsent(view: ConsentView): boolean {
  const { accepted, notice, withdrawnAt } = view;
  if (!accepted || accepted.version !== notice.version) return false;
  return !withdrawnAt || Date.parse(withdrawnAt) < Date.parse(accepted.acceptedAt);
}
