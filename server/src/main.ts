import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.log(`安全互助 server listening on ${config.publicUrl} (${config.db.type}) in ${Date.now() - started} ms`);
}

void main();
