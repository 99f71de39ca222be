import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import en from './messages/en.json';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

/**
 * UI strings of a language. English is the reference: a key another language lacks falls back
 * to English (the completeness check reports it), so a partial dictionary never breaks a page.
 * Read from disk at build time so that adding a language needs no code change.
 */
export function messagesFor(lang: string, dir = path.resolve(process.cwd(), process.env.MESSAGES_DIR ?? 'lib/i18n/messages')): Messages {
  if (lang === 'en') return en;
  const file = path.join(dir, `${lang}.json`);
  if (!existsSync(file)) return en;
  return mergeMessages(en, JSON.parse(readFileSync(file, 'utf8')) as Partial<Messages>);
}

/** Deep merge: a nested group the translation lacks, or lacks a key of, keeps the English text. */
function mergeMessages<T extends Record<string, unknown>>(base: T, over: Partial<T>): T {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const b = base[key];
    out[key] =
      b && typeof b === 'object' && value && typeof value === 'object'
        ? mergeMessages(b as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out as T;
}
