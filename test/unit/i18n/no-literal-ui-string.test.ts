// The lint guard of issue 15: literal words in JSX fail, catalog lookups and names that are the
// same in every language pass.
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import rule from '../../../eslint-rules/no-literal-ui-string.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } });
const error = [{ messageId: 'literal' as const }];

tester.run('no-literal-ui-string', rule, {
  valid: [
    { code: "<button>{t('common.save')}</button>" },
    { code: "<button aria-label={t('common.close')}>×</button>" },
    { code: '<span>Veo 3 · 720p · 16:9 · 8s · ×2</span>' },
    { code: '<kbd>Ctrl</kbd>' },
    { code: '<div className="grid wide" data-testid="library-grid" />' },
    { code: '<span>{count} / {total}</span>' },
  ],
  invalid: [
    { code: '<button>Save</button>', errors: error },
    { code: '<p>正在生成</p>', errors: error },
    { code: "<button aria-label='Close the dialog' />", errors: error },
    { code: '<input placeholder={`Search prompts`} />', errors: error },
    { code: "<img alt='Input picture' />", errors: error },
    { code: "<p>{'Nothing here yet'}</p>", errors: error },
    { code: '<span>8 seconds</span>', errors: error },
  ],
});
