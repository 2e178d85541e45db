/**
 * The training pages' tests run against the real `training` function through `realCloud` (the
 * seeded local cloud behind the h5 transport's `fetch`, with the dev subscription stand-in).
 */
import Taro from '@tarojs/taro';
import { act } from '@testing-library/react';

import type { LocalCloud } from '@nuanxin/local';

import { realCloud } from './jobsCloud';

export async function trainingCloud(): Promise<LocalCloud> {
  return (await realCloud()).cloud;
}

type Router = NonNullable<ReturnType<typeof Taro.getCurrentInstance>['router']>;

/** The page parameters the router would hand over (`?id=…`). */
export function openWith(params: Record<string, string>, path: string): void {
  Taro.getCurrentInstance().router = { params, path } as unknown as Router;
}

export const text = (container: Element, selector: string): string | null =>
  container.querySelector(selector)?.textContent ?? null;

/** A vantui button's label sits beside the native button that carries the id. */
export const label = (container: Element, selector: string): string | null =>
  container.querySelector(selector)?.parentElement?.textContent ?? null;

const tick = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

/** Cloud answers take a few turns of the event loop: wait until `selector` shows up. */
export async function waitFor(container: Element, selector: string): Promise<Element> {
  for (let i = 0; i < 150; i += 1) {
    const found = container.querySelector(selector);
    if (found) return found;
    await tick();
  }
  throw new Error(`${selector} never appeared`);
}

export async function waitForText(
  container: Element,
  selector: string,
  wanted: string,
): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    if (text(container, selector)?.includes(wanted)) return;
    await tick();
  }
  throw new Error(`${selector} never said “${wanted}”, it says “${text(container, selector)}”`);
}
