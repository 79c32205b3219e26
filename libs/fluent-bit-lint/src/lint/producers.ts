/** Record producers (INPUTs and rewrite_tag emitters) and which FILTER/OUTPUT matches their tags. */
import { sectionLabel } from '../parse';
import type { ConfigSection } from '../types';
import { globsIntersect, sampleTags, splitTokens } from '../util';
import { maybeFilesystem, pluginName, prop, props } from './sections';

/** A source of records: an INPUT, or a rewrite_tag filter's emitter. */
export interface Producer {
  section: ConfigSection;
  label: string;
  /** tag pattern, `*` standing for any run of characters */
  tag: string;
  /** extra concrete tags to test Match_Regex with */
  samples: string[];
  filesystem: boolean;
}

export function collectProducers(inputs: ConfigSection[], filters: ConfigSection[]): Producer[] {
  const producers: Producer[] = inputs.map((section, index) => {
    const name = pluginName(section) ?? 'input';
    const tagProperty = prop(section, 'tag')?.value;
    let tag = tagProperty ?? `${name}.${index}`;
    const samples: string[] = [];
    if (name === 'forward') {
      const prefix = prop(section, 'tag_prefix')?.value;
      tag = prefix !== undefined ? `${prefix}*` : (tagProperty ?? '*');
    } else if (name === 'http') {
      tag = tagProperty !== undefined && !prop(section, 'tag_key') ? tagProperty : '*';
    } else if (name === 'tail' && tag.includes('*')) {
      // tail replaces `*` with the file path, slashes turned into dots
      for (const path of (prop(section, 'path')?.value ?? '').split(',')) {
        const file = path.trim().replace(/^\/+/, '').replaceAll('*', 'x').replaceAll('/', '.');
        if (file) samples.push(tag.replaceAll('*', file));
      }
    }
    return {
      section,
      label: sectionLabel(section),
      tag: toPattern(tag),
      samples,
      filesystem: maybeFilesystem(prop(section, 'storage.type')?.value),
    };
  });
  // rewrite_tag re-emits records under new tags through its own emitter input
  for (const filter of filters) {
    if (pluginName(filter) !== 'rewrite_tag') continue;
    if (!producers.some((producer) => matchesTag(filter, producer) === true)) continue;
    for (const rule of props(filter, 'rule')) {
      const newTag = splitTokens(rule.value, '"')?.[2];
      if (!newTag) continue;
      producers.push({
        section: filter,
        label: `${sectionLabel(filter)} rule "${rule.value}"`,
        tag: toPattern(newTag.replace(/\$(TAG(\[\d+\])?|\d+|[A-Za-z_]\w*(\[[^\]]*\])*)/g, '*')),
        samples: [],
        filesystem: maybeFilesystem(prop(filter, 'emitter_storage.type')?.value),
      });
    }
  }
  return producers;
}

/** A tag pattern: tail's `<group>` placeholders and `${VAR}` stand for any text. */
function toPattern(tag: string): string {
  return tag.replace(/<[^>]*>/g, '*').replace(/\$\{[^}]*\}/g, '*');
}

/**
 * Whether a FILTER/OUTPUT receives a producer's records: true, false, or undefined when only a
 * Match_Regex exists and JavaScript cannot compile it. Match_Regex is anchored at the start of
 * the tag (src/flb_router.c: onig_match at offset 0).
 */
export function matchesTag(section: ConfigSection, producer: Producer): boolean | undefined {
  const match = prop(section, 'match')?.value;
  const matchRegex = prop(section, 'match_regex')?.value;
  let unknown = false;
  if (matchRegex) {
    try {
      const regex = new RegExp(`^(?:${matchRegex})`);
      if (sampleTags(producer.tag, producer.samples).some((tag) => regex.test(tag))) return true;
    } catch {
      unknown = true;
    }
  }
  if (match && globsIntersect(toPattern(match), producer.tag)) return true;
  return unknown && !match ? undefined : false;
}
