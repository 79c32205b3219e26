/**
 * The output side of go-yaml v2's emitter: column and indentation bookkeeping plus the four scalar writers, kept
 * byte-for-byte compatible (80-column folding, escapes, block-scalar indicators) because envsubst later runs over
 * this exact text.
 */
import { isBreak, isPrintable, isSpace } from './scalar-style';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

const DOUBLE_QUOTED_ESCAPES = new Map<number, string>([
  [0x00, '0'],
  [0x07, 'a'],
  [0x08, 'b'],
  [0x09, 't'],
  [0x0a, 'n'],
  [0x0b, 'v'],
  [0x0c, 'f'],
  [0x0d, 'r'],
  [0x1b, 'e'],
  [0x22, '"'],
  [0x5c, '\\'],
  [0x85, 'N'],
  [0xa0, '_'],
  [0x2028, 'L'],
  [0x2029, 'P'],
]);

export class YamlWriter {
  private readonly output: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  /** The last thing written was whitespace (or nothing). */
  private whitespace = true;
  /** Only indentation has been written on the current line. */
  indention = true;
  /** The document ends in a way that needs an explicit `...` end marker. */
  private openEnded = false;

  toString(): string {
    return this.output.join('');
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  decreaseIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Starts a new line at the current indentation, unless already there. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    for (const char of indicator) this.put(char);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  /** Ends the document: a final line break, and `...` after an open-ended scalar. */
  endDocument(): void {
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator('...', true, false, false);
      this.writeIndent();
    }
  }

  writePlain(value: string, allowBreaks: boolean, root: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = Array.from(value);
    let spaces = false;
    chars.forEach((char, index) => {
      if (isSpace(char)) {
        // Fold at a single space once past the preferred width.
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(chars[index + 1])) this.writeIndent();
        else this.put(char);
        spaces = true;
      } else {
        this.put(char);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
    if (root) this.openEnded = true;
  }

  writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = Array.from(value);
    let spaces = false;
    let breaks = false;
    chars.forEach((char, index) => {
      const inner = index > 0 && index < chars.length - 1;
      if (isSpace(char)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && inner && !isSpace(chars[index + 1]))
          this.writeIndent();
        else this.put(char);
        spaces = true;
      } else if (isBreak(char)) {
        // A line feed is doubled so that folding restores it; other breaks are written as they are.
        if (!breaks && char === '\n') this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (char === "'") this.put("'");
        this.put(char);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = Array.from(value);
    // go-yaml tests for a byte order mark at the start of the value, not at each character, so one BOM escapes all.
    const startsWithBom = value.startsWith('\ufeff');
    let spaces = false;
    chars.forEach((char, index) => {
      if (!isPrintable(char) || startsWithBom || isBreak(char) || char === '"' || char === '\\') {
        for (const escaped of escapeRune(char.codePointAt(0) ?? 0)) this.put(escaped);
        spaces = false;
      } else if (isSpace(char)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && index > 0 && index < chars.length - 1) {
          this.writeIndent();
          // A space at the start of a continuation line would be folded away, so escape it.
          if (isSpace(chars[index + 1])) this.put('\\');
        } else {
          this.put(char);
        }
        spaces = true;
      } else {
        this.put(char);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockScalarHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const char of value) {
      if (isBreak(char)) {
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(char);
        this.indention = false;
        breaks = false;
      }
    }
  }

  /** An indentation indicator when the text starts with a space or break; chomping `-` (no final break) or `+` (several). */
  private writeBlockScalarHints(value: string): void {
    const chars = Array.from(value);
    if (isSpace(chars[0]) || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = chars.length - 1;
    if (last < 0 || !isBreak(chars[last])) chomp = '-';
    else if (last === 0 || isBreak(chars[last - 1])) chomp = '+';
    // libyaml marks `+` as open-ended, but writing the indicator clears that again, so no `...` follows.
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }

  private put(char: string): void {
    this.output.push(char);
    this.column++;
  }

  private putBreak(): void {
    this.output.push('\n');
    this.column = 0;
  }

  private writeBreak(char: string): void {
    if (char === '\n') {
      this.putBreak();
    } else {
      this.output.push(char);
      this.column = 0;
    }
  }
}

/** A rune as a double-quoted escape: a named one, else `\xXX`, `\uXXXX` or `\UXXXXXXXX`. */
function escapeRune(rune: number): string {
  const named = DOUBLE_QUOTED_ESCAPES.get(rune);
  if (named !== undefined) return `\\${named}`;
  const [marker, digits] = rune <= 0xff ? ['x', 2] : rune <= 0xffff ? ['u', 4] : ['U', 8];
  return `\\${marker}${rune.toString(16).toUpperCase().padStart(digits, '0')}`;
}
