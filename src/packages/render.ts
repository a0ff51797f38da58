/**
 * The package's pages. They are opened from a USB stick (`file://`), where a browser allows no fetch, no module
 * script and no worker: the search data is a classic script (`data.js`) that sets a global, and every page and
 * file is reached by a relative link. Nothing refers to any other host.
 */
import type { PackageContent, PackageItem } from './content'

import { termWord } from '@/fields/terms'
import { BUNDLE_KINDS } from '@/fields/vocabulary'
import { foldWidthAndCase, toSimplified, traditionalToSimplifiedPairs } from '@/search/text'
import { KIND_WORDS } from '@/site/words'
import { chineseDateTime } from '@/utilities/localTime'

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '"': '&quot;', '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;' })[char]!)

/** A relative link to a path inside the package; Chinese file names are percent-encoded. */
const href = (from: 'index' | 'item', target: string): string => escapeHtml((from === 'item' ? '../' : '') + target.split('/').map(encodeURIComponent).join('/'))

export const itemPath = (item: PackageItem): string => `items/${item.number}.html`

const STYLE = `
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;font-size:20px;line-height:1.6;margin:0 auto;max-width:52em;padding:1em;color:#1a1a1a;background:#fff}
h1{font-size:1.6em;line-height:1.3;color:#a4161a}h2{font-size:1.25em;margin-top:1.5em}
a{color:#0b4f9c}ol.items li{margin:.6em 0}.badge{display:inline-block;font-size:.75em;border:1px solid #a4161a;color:#a4161a;border-radius:4px;padding:0 .4em;margin-right:.5em}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.facts dt{color:#555}dl.facts dd{margin:0}
input[type=search]{font-size:1em;padding:.4em;width:100%;box-sizing:border-box;min-height:2.6em}
.note{background:#fff6e0;padding:.5em}.meta{color:#555;font-size:.85em}img{max-width:100%;max-height:60vh;height:auto;border:1px solid #ddd}
pre{white-space:pre-wrap;font-family:inherit}`

const page = (title: string, body: string, scripts: string[] = []): string => `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
${scripts.map((src) => `<script src="${src}"></script>`).join('\n')}
</body>
</html>
`

const factList = (facts: Array<[string, string]>): string =>
  facts.length ? `<dl class="facts">${facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>` : ''

const bundleFacts = (content: PackageContent, exportedAt: Date): Array<[string, string]> => {
  const { bundle } = content
  const jurisdiction = typeof bundle.jurisdiction === 'object' ? bundle.jurisdiction.name : ''
  return [
    ['类型', termWord(BUNDLE_KINDS, bundle.kind)],
    ...(bundle.targetMonth ? [['月份', bundle.targetMonth] as [string, string]] : []),
    ...(typeof bundle.totalHours === 'number' ? [['总学时', `${bundle.totalHours} 小时`] as [string, string]] : []),
    ...(jurisdiction ? [['辖区', jurisdiction] as [string, string]] : []),
    ['内容', `${content.items.length} 项`],
    ['导出时间', chineseDateTime(exportedAt)],
  ]
}

export function renderIndex(content: PackageContent, exportedAt: Date): string {
  const { bundle, items } = content
  const list = items
    .map((item) => `<li><span class="badge">${KIND_WORDS[item.kind]}</span><a href="${href('index', itemPath(item))}">${escapeHtml(item.title)}</a></li>`)
    .join('\n')
  return page(
    bundle.title,
    `<h1>${escapeHtml(bundle.title)}</h1>
${factList(bundleFacts(content, exportedAt))}
${bundle.description ? `<p>${escapeHtml(bundle.description)}</p>` : ''}
<form id="search" role="search" onsubmit="return false">
<label for="q">在本包内搜索（简体、繁體均可）</label>
<input id="q" type="search" autocomplete="off" placeholder="输入字词，例如：党员">
</form>
<div id="results" aria-live="polite"></div>
<h2>课程内容（按顺序）</h2>
<ol class="items" id="items">
${list}
</ol>
<p class="meta">文件清单与校验值见 manifest.json，使用方法见 使用说明.txt。</p>`,
    ['data.js', 'search.js'],
  )
}

export function renderItem(item: PackageItem, bundleTitle: string): string {
  const sections = item.sections
    .map((section) => `${section.heading ? `<h2>${escapeHtml(section.heading)}</h2>` : ''}<pre>${escapeHtml(section.text)}</pre>`)
    .join('\n')
  const pictures = item.files.filter((file) => file.picture)
  const documents = item.files.filter((file) => !file.picture)
  return page(
    `${item.title} · ${bundleTitle}`,
    `<p><a href="../index.html">← 返回《${escapeHtml(bundleTitle)}》</a></p>
<p><span class="badge">${KIND_WORDS[item.kind]}</span>第 ${item.number} 项</p>
<h1>${escapeHtml(item.title)}</h1>
${factList(item.facts)}
${documents.length ? `<h2>文件</h2><ul class="files">${documents.map((file) => `<li><a href="${href('item', file.path)}">${escapeHtml(file.label)}</a></li>`).join('')}</ul>` : ''}
${item.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('\n')}
${item.links.length ? `<h2>网上链接（需联网）</h2><ul>${item.links.map((link) => `<li>${escapeHtml(link)}</li>`).join('')}</ul>` : ''}
${pictures.map((file) => `<p><img src="${href('item', file.path)}" alt="${escapeHtml(file.label)}"></p>`).join('\n')}
${sections}`,
  )
}

/** The text a query is matched against: everything of the item, in the search's Simplified, width- and case-folded form. */
const searchText = (item: PackageItem): string =>
  foldWidthAndCase(toSimplified([item.title, ...item.facts.map(([, value]) => value), ...item.sections.flatMap((section) => [section.heading ?? '', section.text])].join('\n')))

/** Traditional → Simplified pairs for the characters the package holds: enough to fold any query that can match. */
const foldPairs = (texts: string[]): Record<string, string> => {
  const present = new Set(texts.join(''))
  const pairs: Record<string, string> = {}
  for (const [traditional, simplified] of traditionalToSimplifiedPairs()) if (present.has(simplified)) pairs[traditional] = simplified
  return pairs
}

/** `data.js`: the items and their folded text as a global, read by `search.js`. `<` is escaped so no text can end the script. */
export function renderData(content: PackageContent): string {
  const items = content.items.map((item) => ({ href: itemPath(item), kind: KIND_WORDS[item.kind], text: searchText(item), title: item.title }))
  const data = { fold: foldPairs(items.map((item) => item.text)), items }
  return `window.PACKAGE_DATA = ${JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)};\n`
}

/**
 * `search.js`: every word of the query (Traditional folded to Simplified, full width to half, case ignored) must
 * occur somewhere in the item's text, inside a longer word too; title matches first.
 */
export const SEARCH_SCRIPT = `(function () {
  var data = window.PACKAGE_DATA;
  var input = document.getElementById('q');
  var results = document.getElementById('results');
  if (!data || !input || !results) return;
  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      ch = data.fold[ch] || ch;
      var folded = ch.normalize ? ch.normalize('NFKC').toLowerCase() : ch.toLowerCase();
      out += folded.length === ch.length ? folded : ch;
    }
    return out;
  }
  function show(query) {
    while (results.firstChild) results.removeChild(results.firstChild);
    var words = fold(query).split(/[\\s,，、;；]+/).filter(Boolean);
    if (!words.length) return;
    var hits = data.items.filter(function (item) {
      return words.every(function (word) { return item.text.indexOf(word) >= 0; });
    });
    hits.sort(function (a, b) {
      var at = words.every(function (w) { return fold(a.title).indexOf(w) >= 0; }) ? 0 : 1;
      var bt = words.every(function (w) { return fold(b.title).indexOf(w) >= 0; }) ? 0 : 1;
      return at - bt;
    });
    var summary = document.createElement('p');
    summary.textContent = hits.length ? '找到 ' + hits.length + ' 项：' : '本包中没有找到“' + query + '”。';
    results.appendChild(summary);
    var list = document.createElement('ol');
    hits.forEach(function (item) {
      var li = document.createElement('li');
      var badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = item.kind;
      var link = document.createElement('a');
      link.href = item.href;
      link.textContent = item.title;
      li.appendChild(badge);
      li.appendChild(link);
      list.appendChild(li);
    });
    results.appendChild(list);
  }
  input.addEventListener('input', function () { show(input.value); });
  if (input.value) show(input.value);
})();
`

export function renderInstructions(content: PackageContent, exportedAt: Date, maxVideoMb: number): string {
  const lines = [
    `《${content.bundle.title}》U 盘课程包 使用说明`,
    '',
    `导出时间：${chineseDateTime(exportedAt)}，共 ${content.items.length} 项内容、${content.files.length} 个文件。`,
    '',
    '一、打开',
    '  把整个压缩包解压到 U 盘或电脑上（不要只在压缩软件里预览），双击 index.html，用浏览器打开即可，不需要联网。',
    '  首页列出全部内容；点标题进入该项的页面，页面里有文字内容和课件、视频、图片文件的链接。',
    '',
    '二、搜索',
    '  首页的搜索框可以查找本包内的标题和正文，简体、繁體都能找到，词的一部分也能找到（如“党员”能找到“农村党员”）。',
    '',
    '三、文件完整性',
    '  manifest.json 列出包内每个文件的大小和 SHA-256 校验值。核对方法：',
    '  Windows：在文件所在文件夹打开命令提示符，输入 certutil -hashfile 文件名 SHA256',
    '  Linux / macOS：sha256sum 文件名（macOS 为 shasum -a 256 文件名）',
    '  结果与 manifest.json 中的 sha256 一致，说明文件完好。',
    '',
    '四、说明',
    `  视频文件超过 ${maxVideoMb} MB 的未放入本包，相应页面有提示；网上视频只列出链接，需联网观看。`,
    '  本包内容是导出时的版本，之后资源库中的修改不会自动更新到本包。',
    ...(content.restricted ? ['  本包含有非公开内容（系统内共享或本辖区），请只在有权查看的党员和工作人员中使用，不要外传。'] : []),
    '',
  ]
  return lines.join('\r\n')
}
