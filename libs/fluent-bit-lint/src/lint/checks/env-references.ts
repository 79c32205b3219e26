/** 10. `${VAR}` left in a value after Flux substitution. */
import { envReferences } from '../../util';
import { at, type LintContext } from '../context';

export function checkEnvReferences(ctx: LintContext): void {
  for (const section of ctx.allSections) {
    for (const property of section.properties) {
      for (const reference of envReferences(property.value)) {
        if (ctx.variables.has(reference.name) || ctx.input.environment?.includes(reference.name)) continue;
        if (/[:=]/.test(reference.name) || reference.name === '') {
          at(
            ctx,
            section,
            property,
            'warning',
            `${reference.text} was not substituted by Flux and is not a Fluent Bit variable: Fluent Bit expands it to an empty string`,
            'define the variable in the Flux substituteFrom sources, or write the value in place',
          );
          continue;
        }
        at(
          ctx,
          section,
          property,
          'warning',
          `${reference.text} is expanded by Fluent Bit from its environment; empty if unset${reference.fallback !== undefined ? ` (then "${reference.fallback}")` : ''}`,
          `define ${reference.name} in the Flux substituteFrom sources if Flux should fill it, else set it in the container env (env/envFrom)`,
        );
      }
    }
  }
}
