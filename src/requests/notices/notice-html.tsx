/**
 * A notice as a printable HTML page: the same text as the DOCX, laid out by /static/notice-print.css in the
 * GB/T 9704 geometry (A4, margins 37/35/28/26 mm, 仿宋 16 pt body, 小标宋 22 pt title), so a browser's print
 * gives the official layout without Word.
 */
import type { NoticeText } from './notice-content.js';

const NOTICE_PRINT_CSS = '/static/notice-print.css';

export function NoticePage(props: { n: NoticeText; back: string; docx?: string }) {
  const { n } = props;
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${n.title} ${n.docNo}`}</title>
        <link rel="stylesheet" href={NOTICE_PRINT_CSS} />
      </head>
      <body>
        <nav class="toolbar" aria-label="文书操作">
          <a href={props.back}>{props.docx ? '返回案件' : '返回模板'}</a> ·{' '}
          {props.docx && (
            <>
              <a href={props.docx}>下载 DOCX</a> ·{' '}
            </>
          )}
          使用浏览器的“打印”功能（Ctrl+P）按公文格式打印本文书
        </nav>
        <main class="sheet">
          <h1 class="notice-title">{n.title}</h1>
          <p class="doc-no">{n.docNo}</p>
          <p class="addressee">{n.addressee}</p>
          {n.paragraphs.map((t) => (
            <p>{t}</p>
          ))}
          <p class="signature">{n.signature}</p>
          <p class="date">{n.date}</p>
        </main>
      </body>
    </html>
  );
}
