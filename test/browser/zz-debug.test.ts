import { startTestServer } from '../support/server';
import { launchChromium } from './chromium';
jest.setTimeout(60000);
it('debug', async () => {
  const server = await startTestServer({ demo: true, serveH5: true });
  const browser = await launchChromium();
  const page = await browser.newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => logs.push(`failed: ${r.url()}`));
  page.on('response', (r) => logs.push(`resp: ${r.status()} ${r.url()}`));
  await page.goto(server.url);
  await new Promise((r) => setTimeout(r, 4000));
  console.log(page.url(), logs.join('\n'), (await page.content()).slice(0, 3000));
  await browser.close();
  await server.close();
});
