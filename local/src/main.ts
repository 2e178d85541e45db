/**
 * `node --import tsx local/src/main.ts` (what `npm start` runs): the local cloud on a data dir,
 * demo data on the first run, timer triggers, and the gateway serving the H5 build.
 * Env: PORT (8787), HOST (127.0.0.1), NUANXIN_DATA_DIR (<repo>/.data).
 */
import { mkdirSync } from 'node:fs';

import { DEFAULT_DATA_DIR } from './paths';
import { seedDemo } from './seed';

import { createLocalCloud, loadCloudFunctions, startGateway } from './index';

function portFromEnv(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw === '') return 8787;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`环境变量 PORT 应为 0–65535 的整数，当前为：${raw}`);
  }
  return port;
}

async function main(): Promise<void> {
  const port = portFromEnv();
  const host = process.env.HOST || '127.0.0.1';
  // The gateway takes the caller's identity from a header: reachable from other machines, anyone
  // could act as anyone (admin included). Only on an explicit opt-in, and said loudly.
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
  const allowRemote = !loopback && process.env.NUANXIN_ALLOW_REMOTE === '1';
  if (!loopback && !allowRemote) {
    throw new Error(
      `HOST=${host} 会让其他机器访问本地云，而本地云按请求头识别用户、任何人都能冒充任何人。确需如此请同时设置 NUANXIN_ALLOW_REMOTE=1`,
    );
  }
  if (allowRemote) {
    console.warn(
      `⚠ 本地云监听 ${host}：同一网络中的任何人都能以任意身份调用，仅限演示；/_dev/ 已关闭`,
    );
  }
  const dataDir = process.env.NUANXIN_DATA_DIR || DEFAULT_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });

  const cloud = await createLocalCloud({ dataDir, functions: loadCloudFunctions() });
  if (cloud.store.collection('users').count() === 0) {
    const seeded = await seedDemo(cloud);
    console.log(`已生成演示数据：${seeded.users} 个用户，${seeded.registrations} 份失业登记`);
  }
  cloud.scheduler.start();
  const gateway = await startGateway({ cloud, port, host, allowRemote }).catch(
    async (error: unknown) => {
      await cloud.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(`端口 ${port} 已被占用，请先停止占用它的程序，或设置 PORT 换一个端口`);
      }
      throw error;
    },
  );
  const shownHost =
    host === '::1' ? '[::1]' : host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  console.log(`暖心就业本地云已启动：http://${shownHost}:${gateway.port}`);
  console.log(`数据目录：${dataDir}；开发工具：http://${shownHost}:${gateway.port}/_dev/`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在保存数据并退出…`);
    cloud.scheduler.stop();
    gateway
      .close()
      .then(() => cloud.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('退出时保存数据失败：', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`本地云启动失败：${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
