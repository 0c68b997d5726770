import { isIP } from 'node:net';
import { z } from 'zod';
import { type PushTemplate, parsePushTemplates } from '../../../shared/push-templates';

const DEV_SECRET = 'dev-only-secret-change-me-0000000000000000';
const DEMO_APPID = 'wx-demo-appid';
const DEMO_WECHAT_SECRET = 'demo-secret';
// Names Express itself understands in a `trust proxy` list.
const PROXY_PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Express `trust proxy`: false, true (any hop, spoofable), a hop count, or trusted addresses/CIDRs. */
export type TrustProxy = boolean | number | string[];

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_PRESETS.has(entry)) return true;
  const [ip, prefix, extra] = entry.split('/');
  const version = isIP(ip ?? '');
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const trustProxySchema = z
  .string()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    const v = raw.trim().toLowerCase();
    if (v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) return Number(v);
    const list = v.split(',').map((e) => e.trim()).filter((e) => e !== '');
    const bad = list.filter((e) => !isAddressOrCidr(e));
    if (list.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `expected false, true, a hop count or addresses/CIDRs separated by commas; not: ${bad.join(', ') || raw}`,
      });
      return z.NEVER;
    }
    return list;
  });

/** The settings' schema; `requireSecrets: false` for tooling that never signs tokens or calls WeChat. */
const envSchema = (requireSecrets: boolean) =>
  z
    .object({
      NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
      PORT: z.coerce.number().int().min(0).max(65535).default(3000),
      HOST: z.string().default('0.0.0.0'),
      PUBLIC_URL: z.string().url().optional(),
      DB_TYPE: z.enum(['sqlite', 'mysql', 'mariadb']).default('sqlite'),
      DB_PATH: z.string().default('data/anquan.sqlite'),
      DB_HOST: z.string().default('127.0.0.1'),
      DB_PORT: z.coerce.number().int().min(1).max(65535).default(3306),
      DB_USER: z.string().default('root'),
      DB_PASSWORD: z.string().default(''),
      DB_NAME: z.string().default('anquan'),
      // connections per instance; the database's max_connections must cover all instances
      DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
      // No defaults for secrets here: the demo fallbacks apply only in demo mode (see superRefine).
      JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
      JWT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
      WECHAT_APPID: z.string().optional(),
      WECHAT_SECRET: z.string().optional(),
      WECHAT_API_BASE: z.string().url().optional(),
      DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
      H5_DIR: z.string().default('dist/h5'),
      UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(10),
      FILES_DIR: z.string().min(1).default('data/files'),
      TRUST_PROXY: trustProxySchema,
      LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
      // Scheduled jobs (deadline reminders); off for tests that drive them by hand.
      JOBS: z.enum(['on', 'off']).default('on'),
      REMINDER_EVERY_MIN: z.coerce.number().min(0.01).max(1440).default(10),
      // WeChat push: the worker (with JOBS=on) looks for queued notices this often; template ids per topic
      PUSH_EVERY_MS: z.coerce.number().int().min(20).max(3_600_000).default(5000),
      PUSH_TEMPLATES: z.string().optional(),
      // a claimed push whose instance has not finished it after this long (it died) is taken over
      PUSH_STALE_MS: z.coerce.number().int().min(500).max(86_400_000).default(120_000),
      LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    })
    .superRefine((env, ctx) => {
      const push = parsePushTemplates(env.PUSH_TEMPLATES);
      if ('errors' in push) ctx.addIssue({ code: 'custom', path: ['PUSH_TEMPLATES'], message: push.errors.join('; ') });
      if (env.NODE_ENV === 'production' && env.DEMO === 'on') {
        ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo data is never seeded in production' });
      }
      if (isDemo(env) || !requireSecrets) return;
      // Outside the demo, a forgotten secret must stop the server, never fall back to a committed one.
      const where = env.NODE_ENV === 'production' ? 'in production' : 'outside demo mode (DEMO=on or the embedded SQLite database)';
      if (env.JWT_SECRET === undefined || env.JWT_SECRET === DEV_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: `must be set to a real secret ${where}` });
      }
      if (env.WECHAT_APPID === undefined || env.WECHAT_APPID === DEMO_APPID) {
        ctx.addIssue({ code: 'custom', path: ['WECHAT_APPID'], message: `must be set to the mini-program's AppID ${where}` });
      }
      if (env.WECHAT_SECRET === undefined || env.WECHAT_SECRET === DEMO_WECHAT_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: `must be set to the AppSecret ${where}` });
      }
    });

/**
 * Demo mode: demo data, the WeChat simulator and the development secrets. Only on the embedded SQLite
 * database (DEMO=auto) or with an explicit DEMO=on, and never in production.
 */
function isDemo(env: { NODE_ENV: string; DEMO: string; DB_TYPE: string }): boolean {
  if (env.NODE_ENV === 'production') return false;
  return env.DEMO === 'on' || (env.DEMO === 'auto' && env.DB_TYPE === 'sqlite');
}

export type Env = z.infer<ReturnType<typeof envSchema>>;

/** Typed, validated settings; built once at boot and injected where needed. */
export class AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly db:
    | { type: 'sqlite'; path: string }
    | { type: 'mysql' | 'mariadb'; host: string; port: number; user: string; password: string; name: string; poolSize: number };
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly wechat: { appid: string; secret: string; apiBase: string };
  /** Demo mode: seed demo data on an empty database, allow the simulator and the development secrets. */
  readonly demo: boolean;
  /** Express `trust proxy`: which proxies' X-Forwarded-For decides the client address (login throttle, logs). */
  readonly trustProxy: TrustProxy;
  readonly h5Dir: string;
  /** Largest upload accepted by POST /api/files, in bytes. */
  readonly uploadMaxBytes: number;
  /** Where the local file store keeps uploads (outside any served folder). */
  readonly filesDir: string;
  readonly logLevel: Env['LOG_LEVEL'];
  /** Login attempts per minute per client address. */
  readonly loginRateLimit: number;
  /** Scheduled jobs on this instance, and how often the reminder job looks. */
  readonly jobs: { enabled: boolean; reminderEveryMs: number };
  /** WeChat subscribe messages: the worker's pace (it runs where jobs do) and the template per topic. */
  readonly push: { everyMs: number; staleMs: number; templates: PushTemplate[] };

  constructor(env: Env) {
    this.production = env.NODE_ENV === 'production';
    this.port = env.PORT;
    this.host = env.HOST;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    this.db =
      env.DB_TYPE === 'sqlite'
        ? { type: 'sqlite', path: env.DB_PATH }
        : {
            type: env.DB_TYPE,
            host: env.DB_HOST,
            port: env.DB_PORT,
            user: env.DB_USER,
            password: env.DB_PASSWORD,
            name: env.DB_NAME,
            poolSize: env.DB_POOL_SIZE,
          };
    // The fallbacks are reachable only in demo mode or for tooling (validated in envSchema).
    this.jwtSecret = env.JWT_SECRET ?? DEV_SECRET;
    this.jwtTtlSeconds = env.JWT_TTL_HOURS * 3600;
    this.wechat = {
      appid: env.WECHAT_APPID ?? DEMO_APPID,
      secret: env.WECHAT_SECRET ?? DEMO_WECHAT_SECRET,
      apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
    };
    this.demo = isDemo(env);
    this.trustProxy = env.TRUST_PROXY;
    this.h5Dir = env.H5_DIR;
    this.uploadMaxBytes = Math.floor(env.UPLOAD_MAX_MB * 1024 * 1024);
    this.filesDir = env.FILES_DIR;
    this.logLevel = env.LOG_LEVEL;
    this.loginRateLimit = env.LOGIN_RATE_LIMIT;
    this.jobs = { enabled: env.JOBS === 'on', reminderEveryMs: Math.round(env.REMINDER_EVERY_MIN * 60_000) };
    const push = parsePushTemplates(env.PUSH_TEMPLATES);
    // envSchema refused a bad PUSH_TEMPLATES already, so the error branch never yields here
    this.push = { everyMs: env.PUSH_EVERY_MS, staleMs: env.PUSH_STALE_MS, templates: 'templates' in push ? push.templates : [] };
  }
}

export class ConfigError extends Error {}

export interface LoadConfigOptions {
  /** false for tooling (migrations) that never signs tokens or calls WeChat. Default true. */
  requireSecrets?: boolean;
}

/** Validates the environment; the message lists every bad setting at once. */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  options: LoadConfigOptions = {},
): AppConfig {
  // An empty or blank setting means "use the default", never "zero".
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema(options.requireSecrets ?? true).safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return new AppConfig(parsed.data);
}
