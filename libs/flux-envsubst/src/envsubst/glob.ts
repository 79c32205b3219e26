/**
 * Shell-pattern matching as envsubst's fork of Go's path.Match does it, for `${v#pat}` and friends: `*` matches any
 * bytes, `/` included; `?` matches one rune; `[...]` / `[^...]` are rune classes with ranges; `\x` is a literal `x`.
 * Operates on byte strings. A malformed pattern is only reported once matching reaches the bad part, as in Go.
 */
import { decodeRune, RUNE_ERROR } from '../go/bytes';

export type GlobResult = 'match' | 'mismatch' | 'bad-pattern';

type ChunkResult = { readonly kind: 'matched'; readonly rest: string } | { readonly kind: 'mismatch' | 'bad-pattern' };

/** Whether `pattern` matches all of `name`. */
export function matchGlob(pattern: string, name: string): GlobResult {
  let remaining = pattern;
  let subject = name;
  patterns: while (remaining.length > 0) {
    const { star, chunk, rest } = nextChunk(remaining);
    remaining = rest;
    if (star && chunk === '') return 'match';
    // Each chunk takes its leftmost fit; only the final chunk must also reach the end of the name.
    const here = matchChunk(chunk, subject);
    if (here.kind === 'matched' && (here.rest === '' || remaining.length > 0)) {
      subject = here.rest;
      continue;
    }
    if (here.kind === 'bad-pattern') return 'bad-pattern';
    if (star) {
      for (let skip = 1; skip <= subject.length; skip++) {
        const later = matchChunk(chunk, subject.slice(skip));
        if (later.kind === 'matched') {
          if (remaining.length === 0 && later.rest.length > 0) continue;
          subject = later.rest;
          continue patterns;
        }
        if (later.kind === 'bad-pattern') return 'bad-pattern';
      }
    }
    return 'mismatch';
  }
  return subject.length === 0 ? 'match' : 'mismatch';
}

/** Splits off leading stars and the star-free chunk after them (a `*` inside `[...]` does not end the chunk). */
function nextChunk(pattern: string): { star: boolean; chunk: string; rest: string } {
  let start = 0;
  while (pattern[start] === '*') start++;
  let inClass = false;
  let end = start;
  for (; end < pattern.length; end++) {
    const char = pattern[end];
    if (char === '\\') {
      if (end + 1 < pattern.length) end++;
    } else if (char === '[') {
      inClass = true;
    } else if (char === ']') {
      inClass = false;
    } else if (char === '*' && !inClass) {
      break;
    }
  }
  return { star: start > 0, chunk: pattern.slice(start, end), rest: pattern.slice(end) };
}

/** Matches a star-free chunk against the start of `subject`. */
function matchChunk(chunk: string, subject: string): ChunkResult {
  let pattern = chunk;
  let rest = subject;
  while (pattern.length > 0) {
    if (rest.length === 0) return { kind: 'mismatch' };
    const head = pattern[0];
    if (head === '[') {
      const { rune, width } = decodeRune(rest, 0);
      rest = rest.slice(width);
      const outcome = matchClass(pattern.slice(1), rune);
      if (outcome.kind !== 'matched') return outcome;
      pattern = outcome.rest;
    } else if (head === '?') {
      rest = rest.slice(decodeRune(rest, 0).width);
      pattern = pattern.slice(1);
    } else {
      if (head === '\\') {
        pattern = pattern.slice(1);
        if (pattern.length === 0) return { kind: 'bad-pattern' };
      }
      if (pattern[0] !== rest[0]) return { kind: 'mismatch' };
      pattern = pattern.slice(1);
      rest = rest.slice(1);
    }
  }
  return { kind: 'matched', rest };
}

/** Matches `rune` against a class body (after `[`); on success `rest` is the pattern after `]`. */
function matchClass(body: string, rune: number): ChunkResult {
  let pattern = body;
  const negated = pattern[0] === '^';
  if (negated) pattern = pattern.slice(1);
  let matched = false;
  for (let ranges = 0; ; ranges++) {
    if (pattern[0] === ']' && ranges > 0) {
      pattern = pattern.slice(1);
      break;
    }
    const low = classRune(pattern);
    if (low === undefined) return { kind: 'bad-pattern' };
    let high = low;
    pattern = low.rest;
    if (pattern[0] === '-') {
      const upper = classRune(pattern.slice(1));
      if (upper === undefined) return { kind: 'bad-pattern' };
      high = upper;
      pattern = upper.rest;
    }
    if (low.rune <= rune && rune <= high.rune) matched = true;
  }
  return matched === negated ? { kind: 'mismatch' } : { kind: 'matched', rest: pattern };
}

/** One possibly escaped rune of a class; undefined when the class is malformed there. */
function classRune(pattern: string): { rune: number; rest: string } | undefined {
  let text = pattern;
  if (text.length === 0 || text[0] === '-' || text[0] === ']') return undefined;
  if (text[0] === '\\') {
    text = text.slice(1);
    if (text.length === 0) return undefined;
  }
  const { rune, width } = decodeRune(text, 0);
  const rest = text.slice(width);
  if ((rune === RUNE_ERROR && width === 1) || rest.length === 0) return undefined;
  return { rune, rest };
}
