// The shape every catalog file has. English files are the source: each namespace's keys carry the
// namespace as prefix (checked by the type), and each translation must have exactly the English
// keys (a missing or extra key is a compile error; placeholders are checked by test/unit/i18n).

/** An English namespace: `{ 'create.generate': 'Generate', … }`, ICU MessageFormat text. */
export type Catalog<Namespace extends string> = Readonly<Record<`${Namespace}.${string}`, string>>;

/** A translation of an English namespace: the same keys, each a string. */
export type Translation<English> = { readonly [K in keyof English]: string };
