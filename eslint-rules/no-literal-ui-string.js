// A user-visible string written into JSX is a string the translators never see. This rule fails on
// letters in JSX text, in a `{'literal'}` child, and in the attributes people read or hear (labels,
// titles, placeholders, alt text, aria-*). Text that is the same in every language — product and
// format names, units, symbols — is allowed by an exact word list, so the exceptions stay visible.
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'title', 'placeholder', 'alt', 'label']);

/** Words that are not translated: product, model, format and protocol names. */
const DEFAULT_ALLOWED = ['Veo', 'Veo Studio', 'API', 'MP4', 'JPEG', 'PNG', 'WebP', 'URL', 'HTTP', 'HTTPS', 'CLI', 'fal', 'fal.ai', 'ChainHub', 'ID', 'px', 'MB', 'KB', 'GB', 'USD', 's', 'ms', 'x', 'J', 'K', 'L', 'Esc', 'Ctrl', 'Shift', 'Alt', 'Cmd', 'Enter', 'Tab'];

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Whole words only: "s" (seconds) is allowed, the "s" inside "seconds" is not. */
const wordPattern = (words) => new RegExp(`(?<![\\p{L}\\d])(?:${words.map(escape).join('|')})(?![\\p{L}\\d])`, 'gu');
/** Formats that read the same in every language: 720p, 8s, ×2, 4K, 24fps. */
const FORMATS = /(?<![\p{L}\d])\d+(?:p|s|x|K|fps)(?![\p{L}\d])/gu;

/** Letters of any script left once the allowed words and formats are taken out. */
function hasWords(text, allowedPattern) {
  return /\p{L}/u.test(text.replace(FORMATS, ' ').replace(allowedPattern, ' '));
}

function literalText(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked ?? '').join(' ');
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in JSX must come from the i18n catalogs (shared/i18n)' },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { literal: 'User-visible text "{{text}}" is not translated: add it to the catalogs in shared/i18n and use t()/<Say>.' },
  },
  create(context) {
    const allowed = wordPattern([...DEFAULT_ALLOWED, ...(context.options[0]?.allow ?? [])].sort((a, b) => b.length - a.length));
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    return {
      JSXText(node) {
        if (hasWords(node.value, allowed)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        if (node.parent?.type === 'JSXAttribute') return;
        const text = literalText(node.expression);
        if (text !== undefined && hasWords(text, allowed)) report(node, text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        const text = node.value.type === 'JSXExpressionContainer' ? literalText(node.value.expression) : literalText(node.value);
        if (text !== undefined && hasWords(text, allowed)) report(node, text);
      },
    };
  },
};
