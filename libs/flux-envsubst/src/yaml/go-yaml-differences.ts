/**
 * Text the `yaml` package accepts but go-yaml v2 refuses or reads differently, found on the `yaml` CST (whose source
 * tokens keep the raw text). Substituted values create such text easily:
 * - go-yaml allows fewer characters in anchor, alias and tag names and wants a break after them, so a password
 *   `&Secret#1` makes Flux fail where `yaml` sees an anchor named "Secret#1";
 * - a quoted scalar left open at the end of a line (`'it''` + newline) continues on the next line in go-yaml, but
 *   `yaml` closes it silently. We cannot reproduce go-yaml's reading, so we refuse rather than differ.
 */

/** What go-yaml's scanner accepts after `&` or `*`. */
const ANCHOR_NAME = /^[0-9A-Za-z_-]*/;
/** go-yaml's URI characters for tags (no `#`, unlike YAML 1.2). */
const TAG_CHARACTERS = /^[0-9A-Za-z_\-;/?:@&=+$,.!~*'()[\]%]*$/;
/** Characters that may end an anchor name in go-yaml; the first three cannot start a token. */
const AFTER_ANCHOR = '%@`?:,]}';

export interface Difference {
  readonly offset: number;
  readonly message: string;
}

/** The first place in the first document where go-yaml v2 would not agree with the `yaml` package. */
export function goYamlDifference(tokens: readonly unknown[]): Difference | undefined {
  const document = tokens.find((token) => isToken(token) && token.type === 'document');
  const problems: Difference[] = [];
  collect(document, problems);
  return problems.sort((a, b) => a.offset - b.offset)[0];
}

interface SourceToken {
  readonly type: string;
  readonly source: string;
  readonly offset: number;
}

function isToken(value: unknown): value is { type: unknown } {
  return typeof value === 'object' && value !== null && 'type' in value;
}

function collect(value: unknown, problems: Difference[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, problems);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (isSourceToken(value)) {
    const message = problemWith(value);
    if (message !== undefined) problems.push({ offset: value.offset, message });
  }
  for (const item of Object.values(value)) collect(item, problems);
}

function isSourceToken(value: object): value is SourceToken {
  const token = value as Partial<SourceToken>;
  return typeof token.type === 'string' && typeof token.source === 'string' && typeof token.offset === 'number';
}

function problemWith(token: SourceToken): string | undefined {
  if (token.type === 'anchor' || token.type === 'alias') {
    const name = token.source.slice(1);
    const valid = ANCHOR_NAME.exec(name)?.[0].length ?? 0;
    if (valid === name.length) return undefined;
    const next = name[valid] ?? '';
    if (valid === 0 || !AFTER_ANCHOR.includes(next)) return 'did not find expected alphabetic or numeric character';
    // go-yaml ends the name here; what follows (`:x`, `,`) is parsed differently, which we do not reproduce.
    return '%@`'.includes(next) ? 'found character that cannot start any token' : undefined;
  }
  if (token.type === 'tag' && !token.source.startsWith('!<') && !TAG_CHARACTERS.test(token.source)) {
    return 'did not find expected whitespace or line break';
  }
  if ((token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar') && !isClosed(token.source)) {
    return `Missing closing ${token.source[0] ?? ''}quote`;
  }
  return undefined;
}

/**
 * Whether a quoted scalar ends in an unescaped closing quote. Single quotes escape by doubling, so an odd run of
 * trailing quotes closes; double quotes escape with a backslash, so an even run of backslashes before it does.
 */
function isClosed(source: string): boolean {
  const body = source.slice(1);
  if (source.startsWith("'")) return body.endsWith("'") && (/'+$/.exec(body)?.[0].length ?? 0) % 2 === 1;
  const backslashes = /(\\*)"$/.exec(body)?.[1];
  return backslashes !== undefined && backslashes.length % 2 === 0;
}
