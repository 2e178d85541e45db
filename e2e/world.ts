/**
 * What every browser journey stands on: the demo city seeded into an in-memory local cloud, the
 * HTTP gateway serving the H5 build on an ephemeral port, and headless Chromium.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import {
  createLocalCloud,
  loadCloudFunctions,
  seedDemo,
  startGateway,
  type LocalCloud,
} from '@nuanxin/local';

import { launch } from './browser';

const h5Dir = join(__dirname, '..', 'client', 'dist', 'h5');

export interface World {
  cloud: LocalCloud;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  if (!existsSync(join(h5Dir, 'index.html'))) {
    throw new Error('缺少 H5 构建：请先运行 npm run build:h5');
  }
  const cloud = await createLocalCloud({ functions: loadCloudFunctions() });
  await seedDemo(cloud);
  const gateway = await startGateway({ cloud, port: 0, host: '127.0.0.1', h5Dir });
  const browser = await launch();
  return {
    cloud,
    url: gateway.url,
    browser,
    async close() {
      await browser.close();
      await gateway.close();
      await cloud.close();
    },
  };
}

/** Picks a demo account on the dev login page and waits until its home is on screen. */
export async function loginAs(world: World, page: Page, openid: string): Promise<void> {
  await page.goto(`${world.url}/#/pages/login/index`);
  await page.locator(`#account-${openid}`).click();
  await page.locator('#home-greeting').waitFor({ timeout: 15_000 });
  await page.locator('#login-title').waitFor({ state: 'hidden' });
}
