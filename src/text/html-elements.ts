/** What HTML elements mean for the visible text of a page. */

/** Never visible, or not part of the page's own text: dropped with everything inside. */
export const DROPPED_ELEMENTS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas',
  'nav', 'aside', 'form', 'select', 'option', 'button', 'textarea', 'input', 'dialog', 'map',
]);

/** Page chrome when they frame the page; kept inside an article or main, where they title the text itself. */
export const PAGE_CHROME_ELEMENTS = new Set(['header', 'footer']);
export const CONTENT_ELEMENTS = new Set(['article', 'main']);

/** ARIA roles that mark the same chrome as the elements above. */
export const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog']);

/** Elements that start and end a line of text. */
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'footer', 'hr', 'html',
  'legend', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'table', 'tbody', 'thead', 'tfoot',
]);

/** Elements with no closing tag. */
export const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Class names and ids that pre-HTML5 pages (most government sites) give their navigation and chrome. */
export const CHROME_CLASS_OR_ID = new Set([
  'nav', 'navbar', 'navigation', 'menu', 'topmenu', 'mainmenu', 'breadcrumb', 'breadcrumbs', 'crumb', 'crumbs',
  'header', 'top', 'topbar', 'footer', 'foot', 'bottom', 'copyright', 'sidebar', 'share', 'bdsharebuttonbox',
]);

/** Tags whose text, inside a table cell, shows the table lays out a page rather than holding data. */
export const LAYOUT_MARKERS = new Set(['table', 'p', 'div', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article']);
