/**
 * Page shells. Public pages meet GB/T 37668 level 2: a skip link, landmarks, one h1, visible focus, labelled
 * controls, and a 长者模式 (elder mode) that works without JavaScript.
 */
import type { ComponentChildren } from 'preact';

interface ShellProps {
  title: string;
  elderMode: boolean;
  /** The current path, so the mode switch returns here. */
  path: string;
  children: ComponentChildren;
  /** Feeds advertised with <link rel="alternate">. */
  feeds?: Array<{ href: string; title: string }>;
}

function Head({ title, feeds }: { title: string; feeds?: ShellProps['feeds'] }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href="/static/site.css" />
      {feeds?.map((f) => (
        <link rel="alternate" type="application/atom+xml" href={f.href} title={f.title} />
      ))}
    </head>
  );
}

function ModeSwitch({ elderMode, path }: { elderMode: boolean; path: string }) {
  const back = encodeURIComponent(path);
  return elderMode ? (
    <a class="mode-switch" href={`/mode/standard?back=${back}`}>
      退出长者模式
    </a>
  ) : (
    <a class="mode-switch" href={`/mode/elder?back=${back}`}>
      长者模式
    </a>
  );
}

/** The header's navigation bar; the current entry carries aria-current. */
function NavBar({ label, items }: { label: string; items: PortalNavItem[] }) {
  return (
    <nav class="site-nav" aria-label={label}>
      <ul class="wrap">
        {items.map((n) => (
          <li>
            <a href={n.href} aria-current={n.current ? 'page' : undefined}>
              {n.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const SkipLink = () => (
  <a class="skip-link" href="#main">
    跳到主要内容
  </a>
);

const Main = ({ children }: { children: ComponentChildren }) => (
  <main id="main" class="wrap" tabIndex={-1}>
    {children}
  </main>
);

export interface PortalNavItem {
  href: string;
  label: string;
  current?: boolean;
}

export function PublicShell(
  props: ShellProps & { siteName: string; siteHref: string; nav: PortalNavItem[]; footer: ComponentChildren },
) {
  return (
    <html lang="zh-CN">
      <Head title={props.title} feeds={props.feeds} />
      <body class={props.elderMode ? 'elder' : undefined}>
        <SkipLink />
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={props.siteHref}>
              {props.siteName}
            </a>
            <form class="site-search" role="search" method="get" action={`${props.siteHref}search`}>
              <label for="site-search-q">站内搜索</label>
              <input id="site-search-q" name="q" type="search" />
              <button type="submit">搜索</button>
            </form>
            <ModeSwitch elderMode={props.elderMode} path={props.path} />
          </div>
          <NavBar label="栏目导航" items={props.nav} />
        </header>
        <Main>{props.children}</Main>
        <footer class="site-footer">
          <div class="wrap">{props.footer}</div>
        </footer>
      </body>
    </html>
  );
}

export function AdminShell(
  props: ShellProps & { userLabel?: string; csrfToken?: string; nav?: PortalNavItem[] },
) {
  return (
    <html lang="zh-CN">
      <Head title={`${props.title} - 公开平台管理`} />
      <body class={`admin${props.elderMode ? ' elder' : ''}`}>
        <SkipLink />
        <header class="site-header admin-header">
          <div class="wrap">
            <a class="site-name" href="/admin/">
              公开平台 · 管理后台
            </a>
            {props.userLabel && (
              <form method="post" action="/admin/logout" class="inline">
                <span class="who">{props.userLabel}</span>
                <input type="hidden" name="_csrf" value={props.csrfToken} />
                <button type="submit" class="link-button">
                  退出登录
                </button>
              </form>
            )}
          </div>
          {props.nav && <NavBar label="管理导航" items={props.nav} />}
        </header>
        <Main>{props.children}</Main>
      </body>
    </html>
  );
}

/** A bare page for errors when no agency or user context is known. */
export function PlainShell(props: ShellProps) {
  return (
    <html lang="zh-CN">
      <Head title={props.title} />
      <body class={props.elderMode ? 'elder' : undefined}>
        <SkipLink />
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href="/">
              政府信息公开平台
            </a>
            <ModeSwitch elderMode={props.elderMode} path={props.path} />
          </div>
        </header>
        <Main>{props.children}</Main>
      </body>
    </html>
  );
}
