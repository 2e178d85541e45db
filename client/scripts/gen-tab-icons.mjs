// Makes the tab-bar icons in src/assets/tab/ (81×81 PNG, as WeChat recommends) from the SVG
// paths below, by screenshotting them in headless Chromium. The PNGs are generated files:
// edit this script and run `node client/scripts/gen-tab-icons.mjs`, do not edit the images.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, '..', 'src', 'assets', 'tab');
const COLORS = { '': '#7a7a7a', '-active': '#c2410c' };
const ICONS = {
  home: '<path d="M3.5 10.5 12 3.5l8.5 7V20a1 1 0 0 1-1 1H15v-6H9v6H4.5a1 1 0 0 1-1-1z"/>',
  inbox:
    '<path d="M4.5 4.5h15a1.5 1.5 0 0 1 1.5 1.5v9.5a1.5 1.5 0 0 1-1.5 1.5H10l-5 4v-4h-.5A1.5 1.5 0 0 1 3 15.5V6a1.5 1.5 0 0 1 1.5-1.5z"/><path d="M8 10.5h8"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21c.5-4.2 3.8-7 8-7s7.5 2.8 8 7"/>',
};

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 81, height: 81 } });
for (const [name, body] of Object.entries(ICONS)) {
  for (const [suffix, color] of Object.entries(COLORS)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24" fill="none" stroke="${color}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    const file = path.join(outDir, `${name}${suffix}.png`);
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: 81, height: 81 },
    });
    console.log(file, statSync(file).size, 'bytes');
  }
}
await browser.close();
