import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';

/**
 * Chinese is the source language: the code writes `t('任务台账')` and the
 * English table maps each Chinese phrase to its translation. A phrase
 * missing from the table shows in Chinese rather than as a key.
 */
export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'luoshi.lang';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Translates a Chinese phrase; `{name}` placeholders are filled from vars. */
  t: (zh: string, vars?: Record<string, string | number>) => string;
}

export function translate(lang: Lang, zh: string, vars?: Record<string, string | number>): string {
  const text = lang === 'en' ? (en[zh] ?? zh) : zh;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

function initialLang(): Lang {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh';
}

const I18nContext = createContext<I18n>({ lang: 'zh', setLang: () => {}, t: (zh) => zh });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang: (next) => {
        window.localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLangState(next);
      },
      t: (zh, vars) => translate(lang, zh, vars),
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
