/**
 * An object as Flux hands it to JSONToYAML: Go's json.Marshal output (JSON data only; lone surrogates cannot exist
 * in Go strings and become U+FFFD), as go-yaml v2 then reads that JSON text. go-yaml rejects some raw characters
 * that json.Marshal leaves unescaped, and treats a raw NEL (U+0085) as a line break inside the quoted strings.
 */
import { toBytes } from '../go/bytes';
import type { JsonValue } from './json-to-yaml';
import { unreadableYaml } from './reader';

export class JsonToYamlError extends Error {
  override readonly name = 'JsonToYamlError';
}

const NEL = '\u0085';

export function toJsonValue(object: unknown): JsonValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(object);
  } catch (error) {
    throw new JsonToYamlError(`json: ${(error as Error).message}`);
  }
  if (text === undefined) throw new JsonToYamlError('json: unsupported value');
  // JSON.stringify escapes lone surrogates, and only those, as \udXXX; skip escaped backslashes before them.
  const wellFormed = text.replace(/(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g, '$1\\ufffd');
  const unreadable = unreadableYaml(toBytes(wellFormed));
  if (unreadable !== undefined) throw new JsonToYamlError(unreadable);
  const value = JSON.parse(wellFormed) as JsonValue;
  if (!text.includes(NEL)) return value;
  assertNelReadable(text);
  return foldLineBreaks(value);
}

/**
 * go-yaml's errors for a raw NEL, whichever comes first in the text: a key spanning lines (a flow mapping refuses
 * it) or `---`/`...` right after the break (a document marker). NEL is the only raw line break in JSON text.
 */
function assertNelReadable(json: string): void {
  const problems: Array<{ at: number; message: string }> = [];
  const marker = /\u0085(?:---|\.\.\.)[ \u0085]/.exec(json);
  if (marker !== null) {
    const line = json.slice(0, marker.index + 1).split(NEL).length;
    problems.push({ at: marker.index, message: `yaml: line ${line}: found unexpected document indicator` });
  }
  // Scanning string by string keeps the matches aligned on opening quotes; a key is a string followed by ':'.
  for (const string of json.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    const end = string.index + string[0].length;
    if (json[end] === ':' && string[0].includes(NEL)) {
      const line = json.slice(0, end).split(NEL).length - 1;
      problems.push({ at: end, message: `yaml: line ${line}: did not find expected ',' or '}'` });
      break;
    }
  }
  const first = problems.sort((a, b) => a.at - b.at)[0];
  if (first !== undefined) throw new JsonToYamlError(first.message);
}

/** In a value, a raw NEL folds like a line break inside a double-quoted scalar. */
function foldLineBreaks(value: JsonValue): JsonValue {
  if (typeof value === 'string') return foldNel(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(foldLineBreaks);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, foldLineBreaks(item)]));
}

/** Spaces around a run of breaks are dropped; one break becomes a space, n breaks become n-1 newlines. */
function foldNel(text: string): string {
  return text.replace(/ *\u0085(?: *\u0085)* */g, (run) => {
    const breaks = run.split(NEL).length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}
