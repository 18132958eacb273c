/**
 * Lines that belong to the web page around a report, not to the report:
 * breadcrumbs, share/print/font-size controls, source and editor lines,
 * metadata tables of government disclosure pages. Each rule is matched
 * against one trimmed line, after traditional→simplified conversion.
 */
export interface ChromeRule {
  id: string;
  pattern: RegExp;
  /** Only lines at most this long are chrome (a long line is body text that mentions the word). */
  maxLength: number;
}

const METADATA_KEYS = '索引号|组配分类|发布机构|生成日期|成文日期|发布日期|公开方式|公开范围|主题分类|体裁分类|文号|发文机关|发文字号|有效性|信息分类|所属机构|主题词';

export const CHROME_RULES: ChromeRule[] = [
  { id: 'breadcrumb', pattern: /^(您?当前的?位置|您现在的位置|现在位置|所在位置)/, maxLength: 200 },
  { id: 'breadcrumb', pattern: /^(首页|网站首页)\s*$|首页\s*[>»›]|^\s*[>»›]/, maxLength: 200 },
  { id: 'breadcrumb', pattern: /^[^。，,]{1,20}(\s*[>»›]\s*[^。，,>»›]{1,20}){2,}$/, maxLength: 200 },
  { id: 'controls', pattern: /字体\s*[:：]?\s*[\[【(（]?\s*大\s*中\s*小/, maxLength: 200 },
  { id: 'controls', pattern: /^[\s【\[]*(打印|关闭|关闭窗口|收藏|分享到?|返回顶部|保存|打印本页|我要纠错)[\s】\]]*([|｜\s【\[]*(打印|关闭|关闭窗口|收藏|分享到?|返回顶部|保存|打印本页|我要纠错)[\s】\]]*)*$/, maxLength: 60 },
  { id: 'controls', pattern: /(浏览次数|阅读次数|点击数|访问量)\s*[:：]/, maxLength: 200 },
  { id: 'source', pattern: /^(稿源|来源|信息来源|文章来源|编辑|责任编辑|作者|发布时间|发布日期|时间)\s*[:：]/, maxLength: 160 },
  { id: 'editor', pattern: /纠错\s*[:：]|(编辑|责编)\s*[:：].{0,12}$/, maxLength: 120 },
  { id: 'metadata', pattern: new RegExp(`^(${METADATA_KEYS})\\s*[:：|｜]`), maxLength: 200 },
  { id: 'topic-link', pattern: /^【[^】]{1,8}】/, maxLength: 40 },
  { id: 'media-link', pattern: /^(图解链接|图片解读|视频解读|相关链接|相关阅读|图解|附件)\s*[:：]?\s*$/, maxLength: 20 },
];

/** The id of the chrome rule a trimmed line matches, or undefined for body text. */
export function chromeRule(line: string): string | undefined {
  for (const rule of CHROME_RULES) {
    if (line.length <= rule.maxLength && rule.pattern.test(line)) return rule.id;
  }
  return undefined;
}
