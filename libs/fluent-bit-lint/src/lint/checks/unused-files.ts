/** Files in `files` that no @INCLUDE, Parsers_File or property refers to. */
import { CONFIG_DIR } from '../constants';
import { report, type LintContext } from '../context';

export function checkUnusedFiles(ctx: LintContext): void {
  const values = ctx.allSections.flatMap((section) => section.properties.map((property) => property.value));
  for (const [name, content] of Object.entries(ctx.input.files)) {
    // The chart always writes custom_parsers.conf; empty, it loses nothing by not being loaded.
    if (ctx.referenced.has(name) || content.trim() === '') continue;
    const path = `${CONFIG_DIR}/${name}`;
    if (values.some((value) => value.includes(path) || value.split(/[\s,]+/).includes(name))) continue;
    report(ctx, {
      severity: 'warning',
      file: name,
      message: `${path} is never loaded: no @INCLUDE, Parsers_File or property refers to it`,
      fix: `add "@INCLUDE ${path}" to fluent-bit.conf (or "Parsers_File ${path}" to [SERVICE] for parsers), or remove the file`,
    });
  }
}
