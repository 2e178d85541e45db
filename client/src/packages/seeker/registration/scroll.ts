/**
 * Bringing the citizen to what needs their attention: the top of a new step, or the first field
 * with a complaint (which may be far above the button they just tapped on a small screen).
 */
import Taro from '@tarojs/taro';

import type { FieldErrors } from '@nuanxin/shared';

import { STEP_FIELDS } from './model';

/** `selector` null: the top of the page. Runs after the next render; a failure is harmless. */
export function scrollTo(selector: string | null): void {
  setTimeout(() => {
    try {
      const done = selector
        ? Taro.pageScrollTo({ selector, duration: 200 })
        : Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      void Promise.resolve(done).catch(() => undefined);
    } catch {
      // Not available (tests): nothing to scroll.
    }
  }, 50);
}

/** The first field with a complaint, in screen order. */
export function firstErrorSelector(errors: FieldErrors): string | null {
  const field = [...Object.values(STEP_FIELDS).flat(), ...Object.keys(errors)].find(
    (f) => errors[f],
  );
  return field ? `#field-${field}` : null;
}
