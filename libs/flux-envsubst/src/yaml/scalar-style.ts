/**
 * Which style go-yaml v2's emitter (libyaml port) picks for a scalar. This matters after substitution: a plain
 * `${port}` re-types as a number, while a quoted or block scalar stays a string.
 */

export type ScalarStyle = 'plain' | 'single-quoted' | 'double-quoted' | 'literal';

/** What the scalar's characters allow (yaml_emitter_analyze_scalar). */
export interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

export const isSpace = (char: string | undefined): boolean => char === ' ';
export const isBreak = (char: string | undefined): boolean =>
  char === '\r' || char === '\n' || char === '\u0085' || char === '\u2028' || char === '\u2029';
const isBlank = (char: string | undefined): boolean => char === ' ' || char === '\t';
const isBlankOrBreakOrNul = (char: string | undefined): boolean => isBlank(char) || isBreak(char) || char === '\0';

/** Runes go-yaml may write unescaped: no C0/C1 controls but `\n`, no BOM, nothing outside the BMP. */
export function isPrintable(char: string): boolean {
  const rune = char.codePointAt(0) ?? 0;
  return (
    rune === 0x0a ||
    (rune >= 0x20 && rune <= 0x7e) ||
    (rune >= 0xa0 && rune <= 0xd7ff) ||
    (rune >= 0xe000 && rune <= 0xfffd && rune !== 0xfeff)
  );
}

const FIRST_CHAR_INDICATORS = '#,[]{}&*!|>\'"%@`';

export function analyzeScalar(value: string): ScalarAnalysis {
  if (value === '') {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  const chars = Array.from(value);
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let specialCharacters = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const leadingSpace = isSpace(chars[0]);
  const leadingBreak = isBreak(chars[0]);

  chars.forEach((char, index) => {
    const last = index === chars.length - 1;
    const followedByWhitespace = last || isBlank(chars[index + 1]);
    if (index === 0) {
      if (FIRST_CHAR_INDICATORS.includes(char)) blockIndicators = true;
      if ((char === '?' || char === ':' || char === '-') && followedByWhitespace) blockIndicators = true;
    } else if ((char === ':' && followedByWhitespace) || (char === '#' && precededByWhitespace)) {
      blockIndicators = true;
    }
    if (!isPrintable(char)) specialCharacters = true;
    if (isSpace(char)) {
      if (last) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(char)) {
      lineBreaks = true;
      if (last) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrBreakOrNul(char);
  });

  const edgeWhitespace = leadingSpace || leadingBreak || trailingSpace || trailingBreak;
  return {
    multiline: lineBreaks,
    blockPlainAllowed: !(
      edgeWhitespace ||
      breakSpace ||
      spaceBreak ||
      specialCharacters ||
      lineBreaks ||
      blockIndicators
    ),
    singleQuotedAllowed: !(breakSpace || spaceBreak || specialCharacters),
    blockAllowed: !(trailingSpace || spaceBreak || specialCharacters),
  };
}

/**
 * yaml_emitter_select_scalar_style in block context: fall back from plain to single to double quotes, and from a
 * literal block to double quotes, whenever the characters or a simple-key position forbid the requested style.
 */
export function selectScalarStyle(
  requested: ScalarStyle,
  value: string,
  analysis: ScalarAnalysis,
  simpleKey: boolean,
): ScalarStyle {
  let style = requested;
  if (simpleKey && analysis.multiline) style = 'double-quoted';
  if (style === 'plain' && (!analysis.blockPlainAllowed || (value === '' && simpleKey))) style = 'single-quoted';
  if (style === 'single-quoted' && !analysis.singleQuotedAllowed) style = 'double-quoted';
  if (style === 'literal' && (!analysis.blockAllowed || simpleKey)) style = 'double-quoted';
  return style;
}
