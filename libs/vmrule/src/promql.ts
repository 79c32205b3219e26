import { parser } from '@prometheus-io/lezer-promql';

export interface PromqlSyntaxError {
  /** 0-based offset into the expression where the parser gave up. */
  offset: number;
  /** The text from there (at most 40 characters), to show where. */
  near: string;
}

/**
 * Syntax errors in a PromQL expression, by the Prometheus project's own grammar
 * (@prometheus-io/lezer-promql, the one its UI uses). Empty when it parses. Only syntax: names,
 * label matchers and types are not checked. MetricsQL-only syntax (WITH templates, `default`,
 * functions Prometheus lacks) is reported as an error although vmalert accepts it.
 */
export function promqlSyntaxErrors(expr: string): PromqlSyntaxError[] {
  if (expr.trim() === '') return [{ offset: 0, near: '' }];
  const errors: PromqlSyntaxError[] = [];
  // lezer recovers from errors: a parse never throws, error nodes mark where it had to.
  parser.parse(expr).iterate({
    enter: (node) => {
      if (!node.type.isError) return;
      if (errors.at(-1)?.offset !== node.from) errors.push({ offset: node.from, near: expr.slice(node.from, node.from + 40) });
    },
  });
  return errors;
}

/** Metric names an expression selects by name (`name{...}`; `{__name__="..."}` is not read), sorted. */
export function promqlMetricNames(expr: string): string[] {
  const names = new Set<string>();
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.add(expr.slice(node.from, node.to));
    },
  });
  return [...names].sort();
}

export interface PromqlLabelMatcher {
  label: string;
  operator: '=' | '!=' | '=~' | '!~';
  /** The matched value, unquoted. */
  value: string;
}

/** Every label matcher of the expression's selectors (`name{label="value"}`), in order. */
export function promqlLabelMatchers(expr: string): PromqlLabelMatcher[] {
  const matchers: PromqlLabelMatcher[] = [];
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.name !== 'UnquotedLabelMatcher') return;
      const label = node.node.getChild('LabelName');
      const operator = node.node.getChild('MatchOp');
      const value = node.node.getChild('StringLiteral');
      if (!label || !operator || !value) return;
      matchers.push({
        label: expr.slice(label.from, label.to),
        operator: expr.slice(operator.from, operator.to) as PromqlLabelMatcher['operator'],
        value: unquote(expr.slice(value.from, value.to)),
      });
    },
  });
  return matchers;
}

/** A PromQL string: "..." and '...' with Go escapes, `...` raw. */
function unquote(literal: string): string {
  const body = literal.slice(1, -1);
  if (literal.startsWith('`')) return body;
  const doubleQuoted = literal.startsWith("'") ? body.replace(/\\'/g, "'").replace(/"/g, '\\"') : body;
  try {
    return JSON.parse(`"${doubleQuoted}"`) as string;
  } catch {
    return body; // an escape JSON lacks (\a, \x..): near enough for matching names
  }
}
