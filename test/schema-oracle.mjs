/**
 * The server's reading of the schema, for browser tests that check the browser reads it alike.
 *
 *   POST /schema-oracle  { base, field, values }   answers, for each value, what Node's schema
 *     (the built lib/) makes of `base` with `field` set to it: { ok: true, value } with the
 *     normalised value (null where the output leaves it out), or { ok: false }.
 */
export function schemaOracle() {
  return async (ctx, next) => {
    if (ctx.path !== '/schema-oracle' || ctx.method !== 'POST') return next();
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    const { base, field, values } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    // lib/ exists only after a build; the config must load without it.
    const { createRequestSchema } = await import('../lib/schema.js');
    const schema = createRequestSchema();
    ctx.body = values.map((value) => {
      const result = schema.safeParse({ ...base, [field]: value });
      return result.success ? { ok: true, value: result.data[field] ?? null } : { ok: false };
    });
  };
}
