/**
 * One typed, validated configuration object, read once from environment variables at start-up.
 * A bad configuration stops start-up with every problem listed in one message (see `.env.example`).
 */
import { isIP } from 'node:net';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: '应为 true 或 false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * TRUST_PROXY: how far X-Forwarded-For is believed. A hop count (`1`: one reverse proxy in front; the client is
 * the address that proxy appended, whatever the client wrote before it) or the proxies' addresses/CIDRs
 * (`10.0.0.5,10.0.0.0/8`); `false`/`0`: no proxy. `true` would believe every hop — any client could name its own
 * address and lift the per-address limits — so it is refused, saying what to write instead.
 */
const trustProxy = z.string().transform((v, ctx): false | number | string[] => {
  const s = v.toLowerCase();
  if (s === 'false' || s === 'no' || s === '0') return false;
  if (s === 'true' || s === 'yes') {
    ctx.addIssue({
      code: 'custom',
      message:
        '不能设为 true（会信任所有代理，任何人都可伪造来源地址而绕过按地址的限制）；请写经过的反向代理层数（如 1），或代理服务器的地址/网段（如 10.0.0.5,10.0.0.0/8）；没有代理时写 false',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(s)) {
    const hops = Number(s);
    if (hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: '代理层数应在 0–10 之间' });
    return z.NEVER;
  }
  const list = s.split(',').map((a) => a.trim());
  const bad = list.filter((a) => !isAddressOrCidr(a));
  if (bad.length === 0) return list;
  ctx.addIssue({
    code: 'custom',
    message: `应为代理层数（如 1）或以逗号分隔的地址/网段（如 10.0.0.5,10.0.0.0/8），无法识别：${bad.join('、') || '空项'}`,
  });
  return z.NEVER;
});

function isAddressOrCidr(a: string): boolean {
  if (a === 'loopback' || a === 'linklocal' || a === 'uniquelocal') return true;
  const [ip, bits, ...rest] = a.split('/');
  const family = isIP(ip ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

const port = z.coerce
  .number({ message: '应为端口号' })
  .int('应为整数')
  .min(1, '端口号应在 1–65535 之间')
  .max(65535, '端口号应在 1–65535 之间');

/** A whole number within [min, max], with Chinese messages. */
const whole = (message: string, min: number, max: number) =>
  z.coerce
    .number({ message })
    .int('应为整数')
    .min(min, `应在 ${min}–${max} 之间`)
    .max(max, `应在 ${min}–${max} 之间`);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: port.default(3000),
  /** When set, the admin is served only on this port (usually on the internal network), not on PORT. */
  ADMIN_PORT: port.optional(),
  ADMIN_HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '应以 postgres:// 开头；留空则使用内置 SQLite')
    .optional(),
  SQLITE_PATH: z.string().min(1).default('./data/gongkai.sqlite'),
  /**
   * Loads the demo agencies and accounts on start when the database has none. Default: true, but false in
   * production, where true refuses to start (the demo's passwords are public).
   */
  DEMO_DATA: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * 32-byte key (64 hex characters) that encrypts personal data at rest. Required in production;
   * in development a key is generated and kept beside the SQLite file.
   */
  DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '应为 64 位十六进制字符（32 字节）')
    .optional(),
  PUBLIC_BASE_URL: z
    .string()
    .url('应为完整网址，如 https://www.example.gov.cn')
    .default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secure cookies need HTTPS; turn off only for plain-HTTP development. */
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: trustProxy.default(false),
  JOBS_ENABLED: bool.default(true),
  /**
   * Seconds an anonymous portal page may be served from memory; 0 turns the micro-cache off. Changes reach every
   * node within a second through the content version, so this only bounds what changes with the date alone.
   */
  PUBLIC_CACHE_SECONDS: z.coerce.number({ message: '应为秒数' }).int('应为整数').min(0).max(300).default(60),
  /** Outgoing mail for reminders; without SMTP_HOST nothing is sent (the admin still shows reminders). */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: port.default(587),
  /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_FROM: z.string().min(3, '应为发件地址').optional(),
  /** Days back in which an applicant's similar earlier application is shown as a possible repeat (Art. 36 (六)). */
  REQUEST_REPEAT_WINDOW_DAYS: z.coerce
    .number({ message: '应为天数' })
    .int('应为整数')
    .min(1)
    .max(3650)
    .default(365),
  /** Applications from one source within an hour before the form asks a text question; 0 = always ask. */
  REQUEST_CHALLENGE_THRESHOLD: z.coerce.number({ message: '应为次数' }).int('应为整数').min(0).default(20),
  /** Limits on reading files from outside (uploaded reports, attachments, import sheets; issue 20). */
  PARSE_MAX_EXPANDED_MB: z.coerce
    .number({ message: '应为 MB 数' })
    .int('应为整数')
    .min(1)
    .max(2048)
    .default(100),
  PARSE_MAX_PDF_PAGES: z.coerce
    .number({ message: '应为页数' })
    .int('应为整数')
    .min(1)
    .max(100000)
    .default(500),
  PARSE_TIMEOUT_SECONDS: z.coerce.number({ message: '应为秒数' }).int('应为整数').min(1).max(600).default(8),
  PARSE_MEMORY_MB: z.coerce
    .number({ message: '应为 MB 数' })
    .int('应为整数')
    .min(128)
    .max(16384)
    .default(400),
  /** Child processes reading files at the same time. */
  PARSE_WORKERS: z.coerce.number({ message: '应为进程数' }).int('应为整数').min(1).max(64).default(2),
  /** Load shedding (src/web/pressure.ts): over any threshold every request but /healthz, /readyz and /static answers 503. */
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: whole('应为毫秒数', 0, 60_000).default(200),
  PRESSURE_MAX_EVENT_LOOP_UTILIZATION: z.coerce
    .number({ message: '应为 0–1 之间的小数' })
    .min(0, '应在 0–1 之间')
    .max(1, '应在 0–1 之间')
    .default(0),
  /** Unset: 90 % of V8's heap limit; 0 turns the check off. */
  PRESSURE_MAX_HEAP_MB: whole('应为兆字节数', 0, 1_000_000).optional(),
  PRESSURE_SAMPLE_MS: whole('应为毫秒数', 50, 10_000).default(500),
  RETRY_AFTER_SECONDS: whole('应为秒数', 1, 3600).default(5),
  /** Expensive requests in progress at once per class (src/web/concurrency.ts), and how many may wait for one. */
  SEARCH_CONCURRENCY: whole('应为并发数', 1, 1000).default(4),
  EXPORT_CONCURRENCY: whole('应为并发数', 1, 1000).default(2),
  PDF_CONCURRENCY: whole('应为并发数', 1, 1000).default(2),
  EXPENSIVE_QUEUE: whole('应为排队数', 0, 10_000).default(8),
});

type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    admin?: { host: string; port: number };
    /** Fastify's trustProxy: false, a hop count, or the proxies' addresses/CIDRs (never `true`). */
    trustProxy: false | number | string[];
  };
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  demoData: boolean;
  auth: { sessionIdleMinutes: number; maxFailures: number; lockMinutes: number; cookieSecure: boolean };
  dataKey?: string;
  publicBaseUrl: string;
  logLevel: Env['LOG_LEVEL'];
  jobsEnabled: boolean;
  publicCacheSeconds: number;
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  requests: { repeatWindowDays: number };
  requestChallengeThreshold: number;
  parsing: {
    maxExpandedMb: number;
    maxPdfPages: number;
    timeoutSeconds: number;
    memoryMb: number;
    workers: number;
  };
  /** Load shedding thresholds; 0 turns one off. `maxHeapMb` undefined: 90 % of V8's heap limit. */
  pressure: {
    maxEventLoopDelayMs: number;
    maxEventLoopUtilization: number;
    maxHeapMb?: number;
    sampleMs: number;
    retryAfterSeconds: number;
  };
  /** Expensive requests in progress at once per class, and how many may wait for a slot. */
  concurrency: { search: number; export: number; pdf: number; queue: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`配置有误，无法启动：\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; empty strings count as unset. Throws ConfigError listing every problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(
    Object.keys(schema.shape).flatMap((k) => {
      const v = source[k];
      return v === undefined || v.trim() === '' ? [] : [[k, v.trim()]];
    }),
  );
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}（当前值：${String(raw[String(i.path[0])] ?? '未设置')}）`,
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.DATA_KEY) problems.push('DATA_KEY: 生产环境必须设置个人信息加密密钥');
  else if (e.DATABASE_URL && !e.DATA_KEY)
    problems.push(
      'DATA_KEY: 使用 PostgreSQL（DATABASE_URL）时必须设置个人信息加密密钥（64 位十六进制字符，可用 openssl rand -hex 32 生成），各节点使用同一密钥',
    );
  if (e.NODE_ENV === 'production' && e.DEMO_DATA)
    problems.push(
      'DEMO_DATA: 生产环境不能载入演示数据（演示账号的密码是公开的）；请删除该设置，按 README“生产部署”一节创建本单位的机关和管理员',
    );
  if (e.ADMIN_PORT !== undefined && e.ADMIN_PORT === e.PORT) problems.push('ADMIN_PORT: 不能与 PORT 相同');
  if (e.SMTP_HOST && !e.SMTP_FROM) problems.push('SMTP_FROM: 设置 SMTP_HOST 时必须设置发件地址');
  if (!!e.SMTP_USER !== !!e.SMTP_PASSWORD) problems.push('SMTP_USER / SMTP_PASSWORD: 应同时设置或同时留空');
  if (problems.length) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    http: {
      host: e.HOST,
      port: e.PORT,
      ...(e.ADMIN_PORT !== undefined ? { admin: { host: e.ADMIN_HOST, port: e.ADMIN_PORT } } : {}),
      trustProxy: e.TRUST_PROXY,
    },
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', path: e.SQLITE_PATH },
    demoData: e.DEMO_DATA ?? e.NODE_ENV !== 'production',
    auth: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockMinutes: e.LOGIN_LOCK_MINUTES,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    },
    ...(e.DATA_KEY ? { dataKey: e.DATA_KEY } : {}),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    logLevel: e.LOG_LEVEL,
    jobsEnabled: e.JOBS_ENABLED,
    publicCacheSeconds: e.PUBLIC_CACHE_SECONDS,
    ...(e.SMTP_HOST && e.SMTP_FROM
      ? {
          smtp: {
            host: e.SMTP_HOST,
            port: e.SMTP_PORT,
            secure: e.SMTP_SECURE,
            from: e.SMTP_FROM,
            ...(e.SMTP_USER ? { user: e.SMTP_USER } : {}),
            ...(e.SMTP_PASSWORD ? { password: e.SMTP_PASSWORD } : {}),
          },
        }
      : {}),
    requests: { repeatWindowDays: e.REQUEST_REPEAT_WINDOW_DAYS },
    requestChallengeThreshold: e.REQUEST_CHALLENGE_THRESHOLD,
    parsing: {
      maxExpandedMb: e.PARSE_MAX_EXPANDED_MB,
      maxPdfPages: e.PARSE_MAX_PDF_PAGES,
      timeoutSeconds: e.PARSE_TIMEOUT_SECONDS,
      memoryMb: e.PARSE_MEMORY_MB,
      workers: e.PARSE_WORKERS,
    },
    pressure: {
      maxEventLoopDelayMs: e.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
      maxEventLoopUtilization: e.PRESSURE_MAX_EVENT_LOOP_UTILIZATION,
      ...(e.PRESSURE_MAX_HEAP_MB !== undefined ? { maxHeapMb: e.PRESSURE_MAX_HEAP_MB } : {}),
      sampleMs: e.PRESSURE_SAMPLE_MS,
      retryAfterSeconds: e.RETRY_AFTER_SECONDS,
    },
    concurrency: {
      search: e.SEARCH_CONCURRENCY,
      export: e.EXPORT_CONCURRENCY,
      pdf: e.PDF_CONCURRENCY,
      queue: e.EXPENSIVE_QUEUE,
    },
  };
}
