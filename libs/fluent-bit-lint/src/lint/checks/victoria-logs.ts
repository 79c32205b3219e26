/** 6. http outputs to VictoriaLogs /insert/jsonline: Format, _msg_field and tenant headers. */
import type { ConfigSection } from '../../types';
import { at, type LintContext } from '../context';
import { hasEnv, lower, prop, props, victoriaLogsJsonLinesPath } from '../sections';

export function checkVictoriaLogs(ctx: LintContext, output: ConfigSection): void {
  const path = victoriaLogsJsonLinesPath(output);
  const uri = prop(output, 'uri');
  if (path === undefined || !uri) return;
  const query = uri.value.split('?', 2)[1] ?? '';
  const format = prop(output, 'format');
  if (!format || lower(format.value) !== 'json_lines') {
    at(
      ctx,
      output,
      format ?? uri,
      'error',
      `Format ${format?.value ?? 'json (the default)'} sends one JSON array per request; VictoriaLogs ${path} rejects it with 400 and Fluent Bit drops the chunk without retrying`,
      'set "Format json_lines"',
    );
  }
  const headers = props(output, 'header').map((property) => {
    const [name = '', ...rest] = property.value.split(/\s+/);
    return { property, name: lower(name), value: rest.join(' ') };
  });
  const queryKeys = new URLSearchParams(query);
  if (!queryKeys.has('_msg_field') && !headers.some((header) => header.name === 'vl-msg-field')) {
    at(
      ctx,
      output,
      uri,
      'error',
      `URI ${uri.value} has no _msg_field: Fluent Bit records carry the message in "log" (or merged JSON keys), so every entry gets VictoriaLogs' "missing _msg field" placeholder`,
      `append "${query ? '&' : '?'}_msg_field=log,message,msg" (and _stream_fields) to the URI`,
    );
  }
  const tenantHeaders = headers.filter((header) => header.name === 'accountid' || header.name === 'projectid');
  const given = new Set(tenantHeaders.map((header) => header.name));
  for (const header of headers) {
    if (header.name === 'x-scope-orgid' && given.size < 2) {
      at(
        ctx,
        output,
        header.property,
        'error',
        `header X-Scope-OrgID is ignored by VictoriaLogs ${path}: the tenant is AccountID and ProjectID, so these logs land in tenant ${given.has('accountid') ? '<AccountID>' : '0'}:${given.has('projectid') ? '<ProjectID>' : '0'}`,
        'send "Header AccountID <uint32>" and "Header ProjectID <uint32>" and drop X-Scope-OrgID',
      );
    }
  }
  if (given.size === 1) {
    const [present] = tenantHeaders;
    const missing = given.has('accountid') ? 'ProjectID' : 'AccountID';
    at(
      ctx,
      output,
      present!.property,
      'error',
      `only half a tenant: without header ${missing} VictoriaLogs ${path} takes it as 0, which is easily not the tenant meant`,
      `send both "Header AccountID <uint32>" and "Header ProjectID <uint32>"`,
    );
  }
  for (const header of tenantHeaders) {
    if (hasEnv(header.value)) continue;
    if (!/^\d+$/.test(header.value) || Number(header.value) > 4294967295) {
      at(
        ctx,
        output,
        header.property,
        'error',
        `header ${header.property.value.split(/\s+/)[0]} "${header.value}" is not a uint32: VictoriaLogs answers 400 and Fluent Bit drops the chunk`,
        'use a number between 0 and 4294967295',
      );
    }
  }
}
