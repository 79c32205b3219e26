import type { Pipeline, PropertyValue } from './model';

/** The pipeline in Fluent Bit's classic format, split the way the chart's `config` takes it. */
export interface ClassicConfig {
  service: string;
  inputs: string;
  filters: string;
  outputs: string;
  parsers: string;
}

/** Any section of the model: its own keys are Fluent Bit properties. */
type Section = object;

const INDENT = '    ';

function lines(heading: string, section: Section): string[] {
  const out: string[] = [];
  const entries = Object.entries(section) as Array<[string, PropertyValue | undefined]>;
  const name = entries.find(([key]) => key === 'name')?.[1];
  const label = `[${heading}]${typeof name === 'string' ? ` ${name}` : ''}`;
  const line = (key: string, value: string | number | boolean): void => {
    const text = typeof value === 'boolean' ? (value ? 'On' : 'Off') : String(value);
    if (text.trim() === '' || /[\r\n]/.test(text)) {
      throw new Error(`fluent-bit config: ${label} ${key} must be one non-empty line, got ${JSON.stringify(text)}`);
    }
    out.push(`${INDENT}${key} ${text}`);
  };
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (Array.isArray(value)) value.forEach((item: string) => line(key, item));
    else if (typeof value === 'object') {
      for (const [name, entry] of Object.entries(value as Record<string, string>)) {
        if (entry.trim() === '') {
          throw new Error(`fluent-bit config: ${label} ${key} ${name} has an empty value`);
        }
        line(key, `${name} ${entry}`);
      }
    } else line(key, value as string | number | boolean);
  }
  return [`[${heading}]`, ...out];
}

const sections = (heading: string, list: readonly Section[]): string =>
  list.map((section) => `${lines(heading, section).join('\n')}\n`).join('\n');

/** Serialises a pipeline to classic-mode text (4-space indent, `On`/`Off` booleans, LF). */
export function toClassicConfig(pipeline: Pipeline): ClassicConfig {
  return {
    service: sections('SERVICE', [pipeline.service]),
    inputs: sections('INPUT', pipeline.inputs),
    filters: sections('FILTER', pipeline.filters),
    outputs: sections('OUTPUT', pipeline.outputs),
    parsers: sections('PARSER', pipeline.parsers),
  };
}
