import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/text/read.ts';
import { encodeGb18030, utf8 } from './read-fixtures.ts';

const page = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>宁波市政府工作报告</title>
<style>body { font-size: 14px }</style>
<script>var nav = "首页 > 新闻";</script></head>
<body>
<header><a href="/">中国宁波网</a></header>
<nav><a href="/">首页</a> &gt; <a href="/news">新闻中心</a></nav>
<div class="breadcrumb">您当前的位置：首页 &gt; 时政</div>
<article>
  <h1>宁波市政府工作报告</h1>
  <p>今年经济社会发展的主要预期目标是：地区生产总值
     增长6%左右；城镇登记失业率控制在3%以内。</p>
  <p>居民人均可支配收入&nbsp;增长6%<span style="display:none">隐藏</span>。<br>新增城镇就业10万人。</p>
  <table>
    <tr><th>区域</th><th>海曙</th><th>江北</th></tr>
    <tr><td>停车位</td><td>3000</td><td>2500</td></tr>
  </table>
  <noscript>请启用脚本</noscript>
</article>
<aside>热点新闻：……</aside>
<form><input name="q"><button>搜索</button></form>
<footer>编辑：张三 纠错：news@qq.com</footer>
</body></html>`;

describe('reading a web page', () => {
  it('keeps only the visible text of the report, block by block, with data tables as rows', async () => {
    const doc = await readDocument(utf8(page), '000_page.html');
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.text).toBe([
      '宁波市政府工作报告',
      '今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇登记失业率控制在3%以内。',
      '居民人均可支配收入 增长6%。',
      '新增城镇就业10万人。',
      '区域\t海曙\t江北',
      '停车位\t3000\t2500',
    ].join('\n'));
    expect(doc.blocks?.at(-1)).toEqual({ kind: 'table', rows: [['区域', '海曙', '江北'], ['停车位', '3000', '2500']] });
  });

  it('keeps every value under its column when cells span rows or columns, and shows list numbers', async () => {
    const html = '<table><tr><td rowspan="2">任务分解</td><td>海曙</td><td colspan="2">镇海北仑</td></tr><tr><td>10</td><td>8</td><td>11</td></tr></table>'
      + '<ol start="3"><li>第三项</li><li>第四项</li></ol><ul><li>无编号</li></ul>';
    const doc = await readDocument(utf8(html), 'spans.html');
    expect(doc.blocks?.[0]).toEqual({ kind: 'table', rows: [['任务分解', '海曙', '镇海北仑', ''], ['', '10', '8', '11']] });
    expect(doc.text.split('\n').slice(2)).toEqual(['3. 第三项', '4. 第四项', '无编号']);
  });

  it('reads a page laid out in tables as text, not as one giant cell', async () => {
    const layout = '<html><body><table><tr><td><p>一、工作回顾</p><p>全年实现地区生产总值2211亿元。</p></td></tr></table></body></html>';
    const doc = await readDocument(utf8(layout), 'old.htm');
    expect(doc.text).toBe('一、工作回顾\n全年实现地区生产总值2211亿元。');
    expect(doc.blocks?.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('decodes a GBK page by its meta charset', async () => {
    const gbkPage = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>增长6.5%左右</p></body></html>';
    const doc = await readDocument(encodeGb18030(gbkPage), 'gbk.htm');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toBe('增长6.5%左右');
  });

  it.each(['download', 'scraped.txt'])('recognises the source of a page saved as %s', async (name) => {
    const doc = await readDocument(utf8('<!doctype html><html><body><p>增长6.5%</p><script>x()</script></body></html>'), name);
    expect(doc.format).toBe('html');
    expect(doc.text).toBe('增长6.5%');
  });

  it('takes text that merely mentions tags as text', async () => {
    const doc = await readDocument(utf8('网页中的<p>标签表示段落。\n<html>不在开头。'), 'note.txt');
    expect(doc.format).toBe('txt');
  });

  it('reads a page nested thousands deep', async () => {
    const deep = '<div>'.repeat(4000) + '增长6.5%' + '</div>'.repeat(4000);
    expect((await readDocument(utf8(deep), 'deep.html')).text).toBe('增长6.5%');
  });

  it('refuses absurd nesting at once instead of parsing it for minutes', async () => {
    const deeper = '<div>'.repeat(100_000) + '增长6.5%' + '</div>'.repeat(100_000);
    await expect(readDocument(utf8(deeper), 'deeper.html')).rejects.toThrow('deeper.html: web page nests its elements 100000 deep, more than 5000');
  });
});
