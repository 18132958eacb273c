import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/pipeline.ts';
import { readDocument } from '../../src/text/read.ts';

/**
 * A page with every way a page hides text or carries code. Each hidden
 * thing holds a marker SECRET…; each visible thing a marker 可见…. Only the
 * visible ones may come out of the reader.
 */
const HOSTILE_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>SECRET-title</title>
<meta http-equiv="refresh" content="0;url=javascript:SECRET_refresh()">
<script>document.write("<p>SECRET-script</p>")</script>
<style>p::before { content: "SECRET-style" }</style>
<script type="text/template"><p>SECRET-template-script 增长99%</p></script>
</head>
<body onload="SECRET_onload()">
<!-- SECRET-comment 增长88% -->
<!--[if lt IE 9]><script>SECRET_conditional()</script><![endif]-->
<p onclick="SECRET_onclick()" onmouseover='SECRET_mouseover()'>可见甲：地区生产总值增长6%左右。</p>
<p>可见乙：<a href="javascript:SECRET_link()">点此查看</a>城镇新增就业1.2万人。</p>
<img src="x" onerror="SECRET_onerror()" alt="SECRET-alt">
<SCRIPT LANGUAGE="JavaScript">var s = "</scr" + "ipt>SECRET-split";</SCRIPT>
<script
 type="module">import("SECRET-module")</script>
<p>可见丙<![CDATA[SECRET-cdata]]>：粮食产量稳定在150万吨以上。</p>
<noscript>SECRET-noscript</noscript>
<template><p>SECRET-template</p></template>
<svg><script>SECRET_svg()</script><text>SECRET-svg-text</text></svg>
<iframe srcdoc="&lt;p&gt;SECRET-srcdoc&lt;/p&gt;">SECRET-iframe</iframe>
<object data="javascript:SECRET_object()">SECRET-object</object>
<div hidden>SECRET-hidden</div>
<div style="display: none">SECRET-display-none</div>
<div aria-hidden="true">SECRET-aria</div>
<textarea>SECRET-textarea</textarea>
<form action="javascript:SECRET_form()"><input value="SECRET-input"><button>SECRET-button</button></form>
<p>可见丁：居民人均可支配收入增长5%。</p>
<style>SECRET-body-style { }</style>
<script>SECRET-unclosed-script 增长77%
<p>SECRET-after-unclosed-script</p>
</body></html>`;

const EXPECTED_VISIBLE = ['可见甲', '可见乙', '点此查看', '可见丙', '可见丁'];

describe('a web page full of scripts, handlers and hidden text', () => {
  it.each(['page.html', 'page.htm', 'page.php', 'page'])('read as %s: only the visible text comes out', async (name) => {
    const doc = await readDocument(new TextEncoder().encode(HOSTILE_PAGE), name);
    expect(doc.format).toBe('html');
    for (const v of EXPECTED_VISIBLE) expect(doc.text).toContain(v);
    expect(doc.text).not.toMatch(/SECRET|javascript:|<script|onclick|onerror|document\.write/i);
    expect(JSON.stringify(doc.blocks)).not.toMatch(/SECRET/);
  });

  it('no figure from a script, comment or hidden element becomes a quantity', async () => {
    const doc = await readDocument(new TextEncoder().encode(HOSTILE_PAGE), 'page.html');
    const { quantities, normalised } = analyse(doc);
    expect(normalised.text).not.toMatch(/SECRET/);
    expect(quantities.map((q) => q.value).sort((a, b) => a - b)).toEqual([1.2, 5, 6, 150]);
  });

  it('text that merely shows markup (escaped in the page) stays text, for the web app to render inert', async () => {
    const doc = await readDocument(new TextEncoder().encode('<html><body><p>示例：&lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>'), 'escaped.html');
    expect(doc.text.trim()).toBe('示例：<script>alert(1)</script>');
  });
});
