/**
 * The fonts of official documents (GB/T 9704) and what stands in for them.
 * Offices have the Founder/GB2312 fonts installed; servers and most readers
 * do not. Each role names the official font, the names Word should try next
 * (written as w:altName in the font table), and the free CJK family that the
 * fontconfig aliases map all of them to when LibreOffice renders.
 */
export interface FontRole {
  name: string;
  fallbacks: string[];
  /** Noto CJK family used when none of the above is installed. */
  substitute: 'Noto Serif CJK SC' | 'Noto Sans CJK SC';
  /** Windows charset and family class for the font table: GB2312 charset 86. */
  family: 'roman' | 'modern' | 'swiss';
}

export const officialFonts = {
  /** 方正小标宋简体: document titles. */
  title: { name: '方正小标宋简体', fallbacks: ['方正小标宋_GBK', '华文中宋', '宋体'], substitute: 'Noto Serif CJK SC', family: 'roman' },
  /** 仿宋_GB2312: body text. */
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', '华文仿宋'], substitute: 'Noto Serif CJK SC', family: 'modern' },
  /** 黑体: first-level headings (一、). */
  heading1: { name: '黑体', fallbacks: ['SimHei', '华文黑体'], substitute: 'Noto Sans CJK SC', family: 'swiss' },
  /** 楷体_GB2312: second-level headings (（一）). */
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', '华文楷体'], substitute: 'Noto Serif CJK SC', family: 'modern' },
  /** 宋体: tables and page numbers. */
  table: { name: '宋体', fallbacks: ['SimSun', '新宋体'], substitute: 'Noto Serif CJK SC', family: 'roman' },
} as const satisfies Record<string, FontRole>;

export type FontRoleName = keyof typeof officialFonts;

/** Chinese type sizes (字号) in points. */
export const typeSize = { 二号: 22, 三号: 16, 四号: 14, 小四: 12, 五号: 10.5 } as const;

/** Every font name the documents use or fall back to, with its substitute. */
function allNames(): { name: string; substitute: string }[] {
  return Object.values(officialFonts).flatMap((role) =>
    [role.name, ...role.fallbacks].map((name) => ({ name, substitute: role.substitute })));
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A fonts.conf that keeps the system configuration and maps every official
 * font name to Noto CJK, for a LibreOffice child process (FONTCONFIG_FILE).
 */
export function fontconfigAliases(systemConf = '/etc/fonts/fonts.conf'): string {
  const aliases = allNames().map(({ name, substitute }) =>
    `  <alias binding="same"><family>${xmlEscape(name)}</family><prefer><family>${substitute}</family></prefer></alias>`);
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <include ignore_missing="yes">${xmlEscape(systemConf)}</include>`,
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Font table entries (word/fontTable.xml) naming the fallbacks Word tries when a font is missing. */
export function fontTableEntries(): string {
  return Object.values(officialFonts).map((role) =>
    `<w:font w:name="${xmlEscape(role.name)}"><w:altName w:val="${xmlEscape(role.fallbacks[0])}"/>` +
    `<w:charset w:val="86"/><w:family w:val="${role.family}"/><w:pitch w:val="variable"/></w:font>`).join('');
}
