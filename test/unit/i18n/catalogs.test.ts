// The two catalogs must say the same things: the same keys (also a compile error), the same
// placeholders with the same kinds (a translation that drops {count} or turns a plural into plain
// text would show a wrong or raw message), every message valid ICU, and no English left untranslated.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/i18n/en';
import { CATALOGS, type MessageId } from '../../../shared/i18n/messages';
import { zhCN } from '../../../shared/i18n/zh-CN';

/** `name:kind` for every argument, including those nested in plural/select branches and tags. */
function placeholders(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.argument) out.add(`${el.value}:argument`);
    if (el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) out.add(`${el.value}:${TYPE[el.type]}`);
    if (el.type === TYPE.tag) {
      out.add(`<${el.value}>`);
      placeholders(el.children, out);
    }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      out.add(`${el.value}:${TYPE[el.type]}`);
      for (const option of Object.values(el.options)) placeholders(option.value, out);
    }
  }
  return out;
}

/** The words of a message as a reader sees them: literal text, in every plural/select branch and tag. */
function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((el) => {
      if (el.type === TYPE.literal) return el.value;
      if (el.type === TYPE.tag) return literalText(el.children);
      if (el.type === TYPE.plural || el.type === TYPE.select) return Object.values(el.options).map((o) => literalText(o.value)).join(' ');
      return ' ';
    })
    .join('');
}

const ids = Object.keys(en) as MessageId[];

describe('message catalogs', () => {
  it('have the same keys in every language', () => {
    for (const catalog of Object.values(CATALOGS)) expect(Object.keys(catalog).sort()).toEqual([...ids].sort());
  });

  it.each(ids)('%s has the same placeholders in 简体中文 as in English', (id) => {
    const english = placeholders(parse(en[id]));
    const chinese = placeholders(parse(zhCN[id]));
    expect([...chinese].sort()).toEqual([...english].sort());
  });

  it('keep each key in the file of its namespace', async () => {
    const folder = fileURLToPath(new URL('../../../shared/i18n/en/', import.meta.url));
    const files = readdirSync(folder).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const namespace = file.replace(/\.ts$/, '');
      const module = (await import(pathToFileURL(path.join(folder, file)).href)) as Record<string, Record<string, string>>;
      for (const catalog of Object.values(module)) for (const key of Object.keys(catalog)) expect(key.startsWith(`${namespace}.`), `${key} in ${file}`).toBe(true);
    }
  });

  it('leave no English sentence untranslated in 简体中文', () => {
    // A Chinese message with Latin words and no Chinese at all is a copy of the English; names that
    // are the same in every language (Veo, API, MP4, 720p…) are the exception, and stay short.
    const untranslated = ids.filter((id) => {
      const text = literalText(parse(zhCN[id]));
      return !/\p{Script=Han}/u.test(text) && /[A-Za-z]{3,}\s+[A-Za-z]{3,}/.test(text);
    });
    expect(untranslated).toEqual([]);
  });
});
