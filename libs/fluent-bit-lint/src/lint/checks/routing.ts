/** 3. FILTER/OUTPUT Match / Match_Regex that match no producer; INPUTs no OUTPUT matches. */
import type { ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { matchesTag, type Producer } from '../producers';
import { lower, prop } from '../sections';

export function checkRouting(
  ctx: LintContext,
  producers: Producer[],
  filters: ConfigSection[],
  outputs: ConfigSection[],
): void {
  const tags = [...new Set(producers.map((producer) => producer.tag))];
  const tagList = tags.length > 0 ? tags.join(', ') : 'none';
  for (const section of [...filters, ...outputs]) {
    const match = prop(section, 'match');
    const matchRegex = prop(section, 'match_regex');
    if (!match && !matchRegex) {
      at(
        ctx,
        section,
        undefined,
        'error',
        `[${section.kind}] has no Match or Match_Regex, so it ${section.kind === 'OUTPUT' ? 'receives' : 'processes'} no records`,
        `add "Match <tag pattern>", e.g. "Match ${tags[0] ?? '*'}"`,
      );
      continue;
    }
    if ((match?.value ?? '') === '' && (matchRegex?.value ?? '') === '') continue; // empty value reported by the parser
    const results = producers.map((producer) => matchesTag(section, producer));
    if (results.includes(true)) continue;
    if (results.includes(undefined)) {
      at(
        ctx,
        section,
        matchRegex,
        'warning',
        `Match_Regex "${matchRegex?.value}" cannot be checked (not a JavaScript regular expression)`,
        'check the pattern by hand, or use Match with a glob',
      );
      continue;
    }
    const property = match ?? matchRegex;
    at(
      ctx,
      section,
      property,
      'error',
      `${property?.key} "${property?.value}" matches no tag an INPUT produces (${tagList}), so this ${lower(section.kind)} never ${section.kind === 'OUTPUT' ? 'receives records' : 'runs'}`,
      tags.length > 0
        ? `set Match to an input's tag pattern, e.g. "Match ${tags[0]}"`
        : 'add an [INPUT] with a Tag this pattern matches',
    );
  }
  for (const producer of producers) {
    if (producer.section.kind !== 'INPUT') continue;
    if (outputs.some((output) => matchesTag(output, producer) !== false)) continue;
    at(
      ctx,
      producer.section,
      prop(producer.section, 'tag'),
      'warning',
      `no [OUTPUT] matches the tag ${producer.tag} of this input, so its records are dropped`,
      `add an [OUTPUT] with "Match ${producer.tag}" or remove the input`,
    );
  }
}
