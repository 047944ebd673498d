/** RFC 9562 textual form; ids are Postgres `uuid`s, so anything else can never match a row. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else names no row, and must not reach Postgres as a syntax error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
