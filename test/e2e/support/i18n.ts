// What "the whole app in the user's language" means, checked in the page: every word a person can
// read or hear (visible text, aria-labels, titles, placeholders, alt text) is in the catalog's
// language, and no label of a control is cut off. Locators use the catalogs too (tr), so one spec
// drives the app in both languages.
import type { Page } from '@playwright/test';
import type { Locale } from '../../../shared/i18n/locales';
import { formatMessage, type MessageId, type MessageParams } from '../../../shared/i18n/messages';
import { MODEL_LIST } from '../../../shared/models';

export const tr = (locale: Locale, id: MessageId, params?: MessageParams): string => formatMessage(locale, id, params);

/**
 * Latin words a Chinese screen may show: product, model, format and protocol names, units, keys.
 * Everything else of two or more Latin letters is English that escaped translation.
 */
const SAME_IN_EVERY_LANGUAGE = [
  ...MODEL_LIST.map((m) => m.label),
  'Veo Studio', 'Veo', 'Google', 'fal.ai', 'fal', 'ChainHub', 'API', 'MP4', 'JPEG', 'PNG', 'WebP', 'URL', 'HTTP', 'HTTPS', 'JSON', 'CLI',
  'Ctrl', 'Shift', 'Alt', 'Cmd', 'Esc', 'Enter', 'Tab', 'Space', 'px', 'KB', 'MB', 'GB', 'ms', 'USD', 'US', 'ID', 'sk', 'SK',
];

export interface StrayText {
  where: string;
  text: string;
  words: string[];
}

/**
 * Every readable string on the page with English words left in it. `skip` is a CSS selector for
 * regions that hold data, not UI (the provider's own words, prompts, commands), and the language
 * picker's "English" (marked lang="en").
 */
export async function strayEnglish(page: Page, skip = '[data-provider-words], [data-user-text], [lang="en"]'): Promise<StrayText[]> {
  return page.evaluate(
    ({ allowed, skip }) => {
      const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const allowedPattern = new RegExp(`(?<![A-Za-z])(?:${allowed.sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z])`, 'g');
      const DATA = [
        /\[sim:[a-z_]+\]/g, // the simulator's scenario tags in test prompts
        /https?:\/\/\S*/g, // addresses, and "https://" as a hint
        /(?<![\w])\.(?:json|png|jpe?g|webp|mp4|zip)\b/gi, // a file type by its extension
        /\b[\w.-]+\.(?:png|jpe?g|webp|mp4|json|zip|veo)\b/gi, // file names
        /\b[\w-]+(?:\.[\w-]+)+(?::\d+)?\b/g, // host names, 127.0.0.1:port, versions
        /\b[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi, // request ids
        /\b\d+(?:\.\d+)?\s?(?:p|s|x|K|fps|MB|KB|GB|ms)\b/g, // 720p, 8s, ×2, 4K
        /…\w{4}\b/g, // a key's last four characters
      ];
      const wordsIn = (text: string): string[] => {
        let rest = text;
        for (const re of DATA) rest = rest.replace(re, ' ');
        rest = rest.replace(allowedPattern, ' ');
        return rest.match(/[A-Za-z]{2,}/g) ?? [];
      };
      const visible = (el: Element): boolean => {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') return false;
        const box = el.getBoundingClientRect();
        // Visually hidden (sr-only) text is still read aloud: 1×1 boxes count as visible.
        return box.width > 0 && box.height > 0;
      };
      const describe = (el: Element): string => {
        const label = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.className.toString().split(' ')[0] ?? '';
        return `${el.tagName.toLowerCase()}${label ? `[${label.slice(0, 40)}]` : ''}`;
      };
      const found: { where: string; text: string; words: string[] }[] = [];
      const note = (el: Element, text: string) => {
        const words = wordsIn(text);
        if (words.length) found.push({ where: describe(el), text: text.trim().slice(0, 120), words });
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skip) || parent.closest('script, style, noscript, [aria-hidden="true"]')) continue;
        if (parent.closest('textarea, input')) continue; // what the user typed
        if (!visible(parent)) continue;
        note(parent, node.textContent ?? '');
      }
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], img[alt], [aria-description], [aria-roledescription]')) {
        if (el.closest(skip) || !visible(el)) continue;
        for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'aria-roledescription']) {
          const value = el.getAttribute(attribute);
          if (value) note(el, value);
        }
      }
      return found;
    },
    { allowed: SAME_IN_EVERY_LANGUAGE, skip },
  );
}

/**
 * Controls whose label does not fit: a button, tab, radio or summary whose text overflows its box
 * (cut off or spilling out). Cards and list items hold user text that is shortened on purpose.
 */
export async function clippedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('button, [role="tab"], [role="radio"], summary, label, [role="link"], nav a')) {
      if (el.closest('[role="listitem"], article, [data-user-text]')) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const text = (el.innerText || '').trim();
      if (!text) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 2) out.push(`${el.tagName.toLowerCase()} "${text.slice(0, 40)}" ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`);
    }
    return out;
  });
}
