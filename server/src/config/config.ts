import { z } from 'zod';

const DEV_SECRET = 'dev-only-secret-change-me-0000000000000000';

const envSchema = z
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
    JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').default(DEV_SECRET),
    JWT_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
    WECHAT_APPID: z.string().default('wx-demo-appid'),
    WECHAT_SECRET: z.string().default('demo-secret'),
    WECHAT_API_BASE: z.string().url().optional(),
    DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
    H5_DIR: z.string().default('dist/h5'),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(20),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (env.JWT_SECRET === DEV_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set to a real secret in production' });
    }
    if (env.DEMO === 'on') {
      ctx.addIssue({ code: 'custom', path: ['DEMO'], message: 'demo data is never seeded in production' });
    }
    if (!env.WECHAT_API_BASE && env.WECHAT_SECRET === 'demo-secret') {
      ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'must be set in production' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Typed, validated settings; built once at boot and injected where needed. */
export class AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly db:
    | { type: 'sqlite'; path: string }
    | { type: 'mysql' | 'mariadb'; host: string; port: number; user: string; password: string; name: string };
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly wechat: { appid: string; secret: string; apiBase: string };
  /** Seed demo data on an empty database: never in production. */
  readonly demo: boolean;
  readonly h5Dir: string;
  readonly logLevel: Env['LOG_LEVEL'];
  /** Login attempts per minute per client address. */
  readonly loginRateLimit: number;

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
          };
    this.jwtSecret = env.JWT_SECRET;
    this.jwtTtlSeconds = env.JWT_TTL_HOURS * 3600;
    this.wechat = {
      appid: env.WECHAT_APPID,
      secret: env.WECHAT_SECRET,
      apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''),
    };
    this.demo = !this.production && env.DEMO !== 'off';
    this.h5Dir = env.H5_DIR;
    this.logLevel = env.LOG_LEVEL;
    this.loginRateLimit = env.LOGIN_RATE_LIMIT;
  }
}

export class ConfigError extends Error {}

/** Validates the environment; the message lists every bad setting at once. */
export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  // An empty or blank setting means "use the default", never "zero".
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return new AppConfig(parsed.data);
}
