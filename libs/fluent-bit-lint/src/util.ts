/** Small helpers: edit distance, tag globs, value tokenising, paths. */

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word` (case-insensitive), if it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(lower.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/**
 * Whether some tag matches both patterns. Patterns use `*` for any run of characters, as
 * Fluent Bit's `Match` does (src/flb_router.c router_match); a tag pattern such as tail's
 * `kube.*` stands for every tag that input can produce.
 */
export function globsIntersect(a: string, b: string): boolean {
  const memo = new Map<number, boolean>();
  const visit = (i: number, j: number): boolean => {
    const key = i * (b.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === a.length && j === b.length) result = true;
    else if (i < a.length && a[i] === '*') result = visit(i + 1, j) || (j < b.length && visit(i, j + 1));
    else if (j < b.length && b[j] === '*') result = visit(i, j + 1) || (i < a.length && visit(i + 1, j));
    else result = i < a.length && j < b.length && a[i] === b[j] && visit(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return visit(0, 0);
}

/** Concrete tags that stand for a tag pattern, to test a `Match_Regex` against. */
export function sampleTags(pattern: string, extra: readonly string[] = []): string[] {
  const fillers = ['', 'x', 'a.b', 'var.log.containers.app-7d4b9c8f6-x2x9z_default_app-0123456789abcdef.log', ...extra];
  return [...new Set(fillers.map((filler) => pattern.replaceAll('*', filler)))];
}

/**
 * Splits a value into space-separated tokens the way Fluent Bit's rule parsers do
 * (src/flb_utils.c flb_utils_split_quoted, src/flb_slist.c flb_slist_split_tokens):
 * runs of spaces separate tokens, a token may be quoted with one of `quotes`.
 * Returns undefined for an unterminated quote.
 */
export function splitTokens(value: string, quotes = '"\''): string[] | undefined {
  const tokens: string[] = [];
  let i = 0;
  while (i < value.length) {
    while (value[i] === ' ') i++;
    if (i >= value.length) break;
    const quote = value[i]!;
    if (quotes.includes(quote)) {
      let j = i + 1;
      let token = '';
      while (j < value.length && value[j] !== quote) {
        if (value[j] === '\\' && j + 1 < value.length) j++;
        token += value[j];
        j++;
      }
      if (j >= value.length) return undefined;
      tokens.push(token);
      i = j + 1;
    } else {
      let j = i;
      while (j < value.length && value[j] !== ' ') j++;
      tokens.push(value.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/** Drops trailing slashes (but keeps `/`). */
export function normalizeDir(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** Whether `path` is `dir` or inside it, comparing whole path segments. */
export function isUnder(path: string, dir: string): boolean {
  const p = normalizeDir(path);
  const d = normalizeDir(dir);
  return d === '/' || p === d || p.startsWith(`${d}/`);
}

/** The fixed directory part of a path that may contain glob characters (`*`, `?`, `[`). */
export function staticPrefix(path: string): string {
  const glob = path.search(/[*?[]/);
  if (glob < 0) return path;
  const slash = path.lastIndexOf('/', glob);
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** A glob (`*`, `?`) as an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replaceAll('*', '[^/]*')
    .replaceAll('?', '[^/]');
  return new RegExp(`^${source}$`);
}

/** `${NAME}` references in a value, as Fluent Bit's src/flb_env.c flb_env_var_translate finds them. */
export function envReferences(value: string): Array<{ text: string; name: string; fallback?: string }> {
  const references: Array<{ text: string; name: string; fallback?: string }> = [];
  for (const match of value.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = match[1]!;
    const colon = inner.indexOf(':');
    if (colon >= 0 && inner[colon + 1] === '-') {
      references.push({ text: match[0], name: inner.slice(0, colon), fallback: inner.slice(colon + 2) });
    } else {
      references.push({ text: match[0], name: inner });
    }
  }
  return references;
}

/** Fluent Bit sizes: bytes, or a number with k/K, m/M, g/G (powers of 1000, src/flb_utils.c flb_utils_size_to_bytes). */
export function sizeInBytes(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!match) return Number.NaN;
  const unit = { '': 1, k: 1e3, m: 1e6, g: 1e9 }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}
