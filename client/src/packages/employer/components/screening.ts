/**
 * The discrimination screening in the form, on leaving a field: the same `screenJobAd` the cloud
 * runs at every save, so the employer learns about "限男性" at once instead of after filling in
 * everything. The cloud's check stays the one that counts.
 */
import { screenJobAd } from '@nuanxin/shared';

export interface FieldScreening {
  /** The first blocking finding's message (names the phrase and the law), or null. */
  block: string | null;
  /** A softer notice: wording that sends the vacancy to staff review, or null. */
  review: string | null;
}

export function screenField(text: string): FieldScreening {
  const findings = screenJobAd(text);
  const block = findings.find((f) => f.severity === 'block');
  const review = findings.filter((f) => f.severity === 'review');
  return {
    block: block?.message ?? null,
    review: review.length > 0 ? `提示：${review.map((f) => f.message).join('；')}。` : null,
  };
}
