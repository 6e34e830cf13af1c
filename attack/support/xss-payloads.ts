/**
 * XSS payloads for the attack suite (issue 20): templates in which `{C}` is a call that reports the hit to the
 * test (`__xss(id)`, an alert, a console line, …), `{I}` the injection's id, `{B}` the call in base64 and `{N}`
 * the call as character codes, so every execution names the payload and the field it came through. The list
 * covers script tags, event handlers, javascript: and data: URLs, SVG/MathML, attribute and element breakouts,
 * template/JSX-looking strings, CSS expressions, encoded variants, full-width and other Unicode tricks, and
 * polyglots; `xssPayloads()` expands it to a few hundred.
 */

const scriptTags = [
  '<script>{C}</script>',
  '<SCRIPT>{C}</SCRIPT>',
  '<script >{C}</script >',
  '<script/x>{C}</script>',
  '<script\n>{C}</script\n>',
  '<scr<script>ipt>{C}</scr</script>ipt>',
  '<<script>{C};//<</script>',
  '<script type=module>{C}</script>',
  '<script type="text/javascript">{C}</script>',
  '<script src=data:text/javascript,{C}></script>',
  '<script src="data:,{C}"></script>',
  "<script>eval(atob('{B}'))</script>",
  "<script>setTimeout('{C}')</script>",
  "<script>Function('{C}')()</script>",
  "<script>[].constructor.constructor('{C}')()</script>",
  '<script>eval(String.fromCharCode({N}))</script>',
  '<script>\\u005f_xss({I})</script>',
  "<script>window['\\x5f_xss']({I})</script>",
  '<script>/*</script><script>*/{C}</script>',
  '<script\t>{C}</script>',
  '<script>{C}<!--</script>',
  '<script defer>{C}</script>',
  '<script async src=data:,{C}></script>',
];

const eventHandlers = [
  '<img src=x onerror={C}>',
  '<img src=x onerror="{C}">',
  "<img src=x onerror='{C}'>",
  '<img/src/onerror={C}>',
  '<IMG SRC=x OnErRoR={C}>',
  '<img src=x:x onerror={C}//',
  '<img src onerror={C}>',
  '<img src=x onerror\n={C}>',
  '<img src=x onerror\t={C}>',
  '<img src=x onerror={C} <',
  "<img src=x onerror=eval(atob('{B}'))>",
  "<img src=x onerror=location='javascript:{C}'>",
  '<img srcset=x onerror={C}>',
  '<picture><source srcset=x><img src=x onerror={C}></picture>',
  '<input type=image src=x onerror={C}>',
  '<body onload={C}>',
  '<body/onload={C}>',
  '<body onpageshow={C}>',
  '<input autofocus onfocus={C}>',
  '<select autofocus onfocus={C}></select>',
  '<textarea autofocus onfocus={C}></textarea>',
  '<button autofocus onfocus={C}>x</button>',
  '<x contenteditable autofocus onfocus={C}>x</x>',
  '<div tabindex=1 autofocus onfocusin={C}>x</div>',
  '<details open ontoggle={C}>',
  '<video><source onerror={C}></video>',
  '<video src=x onerror={C}></video>',
  '<audio src=x onerror={C}></audio>',
  '<iframe onload={C}></iframe>',
  '<object data=x onerror={C}></object>',
  '<marquee onstart={C}>x</marquee>',
  '<div onmouseover={C}>x</div>',
  '<a onclick={C}>x</a>',
  '<link rel=stylesheet href=x onerror={C}>',
  '<style onload={C}></style>',
  '<dialog open onclose={C}>x</dialog>',
  '<form><button formaction=javascript:{C}>x</button></form>',
  '<isindex action=javascript:{C} type=image>',
  '<meter onmouseover={C}>0</meter>',
  '<div oncopy={C} contenteditable>x</div>',
  '<img src=x onerror=&#x5f;_xss({I})>',
  '<img src=x onerror="&#95;&#95;xss&#40;{I}&#41;">',
  '<iframe srcdoc="<script>parent.__xss({I})</script>"></iframe>',
  '<iframe srcdoc="&lt;img src=x onerror=parent.__xss({I})&gt;"></iframe>',
  '<embed src=data:text/html,<script>parent.__xss({I})</script>>',
  '<object data="data:text/html,<script>parent.__xss({I})</script>"></object>',
];

const svgAndMathMl = [
  '<svg onload={C}>',
  '<svg/onload={C}>',
  '<svg><script>{C}</script></svg>',
  '<svg><script href=data:,{C} /></svg>',
  '<svg><animate onbegin={C} attributeName=x dur=1s>',
  '<svg><set onbegin={C} attributeName=x to=1>',
  '<svg><animatetransform onbegin={C} attributeName=transform>',
  '<svg><a xlink:href="javascript:{C}"><text x=20 y=20>x</text></a></svg>',
  '<svg><image href=x onerror={C}>',
  '<svg><foreignObject><img src=x onerror={C}></foreignObject></svg>',
  '<svg><style><img src=x onerror={C}></style></svg>',
  '<svg><title><img src=x onerror={C}></title></svg>',
  '<svg><desc><img src=x onerror={C}></desc></svg>',
  '<svg></p><style><a id="</style><img src=x onerror={C}>">',
  '<math><mtext><table><mglyph><style><img src=x onerror={C}>',
  '<math><maction actiontype=statusline xlink:href=javascript:{C}>x</maction></math>',
  '<math><mi xlink:href="javascript:{C}">x</mi></math>',
  '<math><a href=javascript:{C}>x</a></math>',
  '<math><style><img src=x onerror={C}></style></math>',
  '<svg><use href="data:image/svg+xml,<svg id=x xmlns=http://www.w3.org/2000/svg><image href=1 onerror={C} /></svg>#x" />',
];

const urls = [
  'javascript:{C}',
  'JaVaScRiPt:{C}',
  ' javascript:{C}',
  'javascript://%0a{C}',
  'data:text/html,<script>{C}</script>',
  'vbscript:msgbox({I})',
  '<a href="javascript:{C}">x</a>',
  '<a href=JaVaScRiPt:{C}>x</a>',
  '<a href=" javascript:{C}">x</a>',
  '<a href="jav&#x09;ascript:{C}">x</a>',
  '<a href="jav&#x0A;ascript:{C}">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;{C}">x</a>',
  '<a href="javascript&colon;{C}">x</a>',
  '<a href="\u0001javascript:{C}">x</a>',
  '<iframe src="javascript:{C}"></iframe>',
  '<iframe src=javascript:parent.__xss({I})></iframe>',
  '<form action=javascript:{C}><input type=submit></form>',
  '<meta http-equiv=refresh content="0;url=javascript:{C}">',
  '<base href="javascript:{C}//">',
  '<object data="javascript:{C}"></object>',
  '<embed src="javascript:{C}">',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
];

const breakouts = [
  '"><script>{C}</script>',
  "'><script>{C}</script>",
  '"><img src=x onerror={C}>',
  '" onfocus="{C}" autofocus="',
  "' onfocus='{C}' autofocus='",
  '" onmouseover="{C}',
  '"autofocus onfocus={C} x="',
  '"/><svg/onload={C}>',
  '`><script>{C}</script>',
  '" accesskey=x onclick={C} x="',
  '" type=image src=x onerror={C} x="',
  '"/autofocus/onfocus={C}//',
  '"></a><svg onload={C}>',
  '</textarea><script>{C}</script>',
  '</TEXTAREA><img src=x onerror={C}>',
  '</title><script>{C}</script>',
  '</style><script>{C}</script>',
  '</script><script>{C}</script>',
  '--><script>{C}</script>',
  '--!><img src=x onerror={C}>',
  ']]><script>{C}</script>',
  '</noscript><img src=x onerror={C}>',
  '</option></select><img src=x onerror={C}>',
  '</dd></dl><img src=x onerror={C}>',
  '</p><svg onload={C}>',
  '</td></tr></table><img src=x onerror={C}>',
  '</strong><img src=x onerror={C}>',
  '</h1><img src=x onerror={C}>',
  '</pre><img src=x onerror={C}>',
  '</details><img src=x onerror={C}>',
  '<!--<img src="--><img src=x onerror={C}//">',
  '<noscript><p title="</noscript><img src=x onerror={C}>">',
  '<xmp><img src=x onerror={C}></xmp>',
  '<plaintext><img src=x onerror={C}>',
  '<noembed><img title="</noembed><img src=x onerror={C}>"></noembed>',
  '<template><img src=x onerror={C}></template>',
  '<a title="a\'"><img src=x onerror={C}>',
  '<textarea></textarea><img src=x onerror={C}>',
  '<select><template><img src=x onerror={C}></template></select>',
  '<table><td><img src=x onerror={C}>',
  '<!DOCTYPE html><html><head></head><body><img src=x onerror={C}>',
];

const templateLooking = [
  "{{constructor.constructor('{C}')()}}",
  "{{$on.constructor('{C}')()}}",
  '${{C}}',
  '{{C}}',
  '<%= {C} %>',
  '#{{C}}',
  '{{7*7}}<img src=x onerror={C}>',
  "<div dangerouslySetInnerHTML={{__html:'<img src=x onerror={C}>'}}/>",
  '{"__html":"<img src=x onerror={C}>"}',
  '<Foo onClick={() => {C}} />',
  '<div v-html="\'<img src=x onerror={C}>\'"></div>',
  '<div x-data x-init="{C}"></div>',
  '<div ng-app ng-csp><div ng-focus="{C}" tabindex=0 autofocus>x</div></div>',
  '<script type="text/template"><img src=x onerror={C}></script>',
  '[[{C}]]',
  '@{{C}}',
  '{% {C} %}',
  '<div data-bind="html: \'<img src=x onerror={C}>\'"></div>',
];

const cssExpressions = [
  '<div style="width:expression({C})">x</div>',
  '<div style="background:url(javascript:{C})">x</div>',
  '<style>*{background:url("javascript:{C}")}</style>',
  '<style>@import "javascript:{C}";</style>',
  '<link rel=stylesheet href="javascript:{C}">',
  '<div style="behavior:url(#{I});x:ex/**/pression({C})">x</div>',
  '<style>li{list-style-image:url("javascript:{C}")}</style><ul><li>x</li></ul>',
  '<style>@keyframes x{}</style><div style="animation-name:x" onanimationstart="{C}"></div>',
  '<style>*{transition:all 1ms}</style><div ontransitionend={C}>x</div>',
  'x:expression({C})',
  '<div style="x:\\65xpression({C})">x</div>',
  '<style>body{-moz-binding:url("data:text/xml,<x/>#{I}")}</style>',
];

const polyglots = [
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk={C} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd={C}//>\\x3e',
  'javascript:"/*\'/*`/*--></noscript></title></textarea></style></template></noembed></script><html " onmouseover=/*&lt;svg/*/onload={C}//>',
  '\'">><marquee><img src=x onerror={C}></marquee>"></plaintext\\></|\\><plaintext/onmouseover={C}><script>{C}</script>',
  '"\'--></style></script><script>{C}</script>',
  '\';{C};//\';{C};//";{C};//";{C};//--></SCRIPT>">\'><SCRIPT>{C}</SCRIPT>',
  '-->\'"/></sCript><svG x=">" onload=({C})>',
  '"><svg/onload={C}>"@x.cn',
  '</script></title></textarea></style></noscript></template><img src=x onerror={C}>',
  '\'"()&%<acx><ScRiPt >{C}</ScRiPt>',
  '<IMG """><SCRIPT>{C}</SCRIPT>">',
];

/** Templates whose encoded forms are added too: a browser or a lax decoder must never turn them into markup. */
const toEncode = [
  '<script>{C}</script>',
  '<img src=x onerror={C}>',
  '<svg onload={C}>',
  '"><img src=x onerror={C}>',
  '</textarea><script>{C}</script>',
  '<a href="javascript:{C}">x</a>',
  '<iframe src="javascript:{C}"></iframe>',
  '<details open ontoggle={C}>',
  '" onfocus="{C}" autofocus="',
];

const encoders: Array<[name: string, encode: (s: string) => string]> = [
  ['html-dec', (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('')],
  ['html-hex', (s) => s.replace(/[<>"'&]/g, (c) => `&#x${c.charCodeAt(0).toString(16)}`)],
  ['html-named', (s) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
  ['url', (s) => encodeURIComponent(s)],
  ['url-double', (s) => encodeURIComponent(encodeURIComponent(s))],
  ['js-unicode', (s) => s.replace(/[<>"']/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)],
  ['js-hex', (s) => s.replace(/[<>"']/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`)],
  ['full-width', (s) => s.replace(/[<>"'=/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))],
  ['utf7', (s) => s.replace(/</g, '+ADw-').replace(/>/g, '+AD4-').replace(/"/g, '+ACI-')],
  ['base64', (s) => Buffer.from(s).toString('base64')],
  ['null-byte', (s) => s.replace(/<(\w)/g, '<\u0000$1').replace(/(\w)>/g, '$1\u0000>')],
  ['zero-width', (s) => s.replace(/(\w)(\w)/, '$1\u200b$2')],
];

const unicodeTricks = [
  '\uff1cscript\uff1e{C}\uff1c/script\uff1e',
  '\uff1cimg src=x onerror={C}\uff1e',
  '\uff02\uff1e\uff1csvg onload={C}\uff1e',
  '\u3008script\u3009{C}\u3008/script\u3009',
  '\u2039script\u203a{C}\u2039/script\u203a',
  '\u02c2script\u02c3{C}\u02c2/script\u02c3',
  '<\u017fcript>{C}</\u017fcript>',
  '<\u0131mg src=x onerror={C}>',
  '<scr\u0131pt>{C}</scr\u0131pt>',
  '<scri\u0000pt>{C}</scri\u0000pt>',
  '<img src=x one\u0000rror={C}>',
  '<img src=x onerror\u00a0={C}>',
  '<img\u000csrc=x\u000conerror={C}>',
  '<img\u2028src=x onerror={C}>',
  '\u202e>tpircs/<{C}>tpircs<',
  '\ufeff<script>{C}</script>',
  '<script>\u2028{C}\u2029</script>',
  '\u00bcscript\u00be{C}\u00bc/script\u00be',
  '%uff1cscript%uff1e{C}%uff1c/script%uff1e',
  '\ufe64script\ufe65{C}\ufe64/script\ufe65',
  '<scr\u200dipt>{C}</scr\u200dipt>',
  '<img src=x o\u0308nerror={C}>',
  '\ud83d\ude00<img src=x onerror={C}>\ud83d\ude00',
  '\ud800<script>{C}</script>',
  '中文<img src=x onerror={C}>留言',
  '＜ＳＣＲＩＰＴ＞{C}＜／ＳＣＲＩＰＴ＞',
];

/** The calls a payload makes; each reports its id to the test a different way. None contains a quote. */
const calls = [
  '__xss({I})',
  'alert({I})',
  'top.__xss({I})',
  'confirm({I})',
  'window.parent.__xss({I})',
  'prompt({I})',
  'console.log(-{I})',
  'self.__xss.call(null,{I})',
];

export interface XssPayload {
  /** A short name: the family and the position in it (e.g. `svg-3`, `encoded-url-2`). */
  name: string;
  /** The payload for injection `id`: every call it makes reports `id`. */
  render: (id: number) => string;
}

function fill(template: string, id: number, index: number): string {
  const call = calls[index % calls.length]!.replace('{I}', String(id));
  return template
    .replace(/\{B\}/g, Buffer.from(call).toString('base64'))
    .replace(/\{N\}/g, [...call].map((c) => c.charCodeAt(0)).join(','))
    .replace(/\{I\}/g, String(id))
    .replace(/\{C\}/g, call);
}

/** Every payload, each with a stable name. */
export function xssPayloads(): XssPayload[] {
  const families: Array<[string, string[]]> = [
    ['script', scriptTags],
    ['handler', eventHandlers],
    ['svg-math', svgAndMathMl],
    ['url', urls],
    ['breakout', breakouts],
    ['template', templateLooking],
    ['css', cssExpressions],
    ['polyglot', polyglots],
    ['unicode', unicodeTricks],
  ];
  const out: XssPayload[] = [];
  for (const [family, templates] of families)
    templates.forEach((t, i) => {
      const index = out.length;
      out.push({ name: `${family}-${i + 1}`, render: (id) => fill(t, id, index) });
    });
  for (const [encoding, encode] of encoders)
    toEncode.forEach((t, i) => {
      const index = out.length;
      out.push({ name: `encoded-${encoding}-${i + 1}`, render: (id) => encode(fill(t, id, index)) });
    });
  return out;
}
