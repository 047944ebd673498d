/** RFC 9562 textual form; ids are Postgres `uuid`s, so anything else can never match a row. */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs: anything else names no row, and must not reach Postgres as a syntax error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * A Postgres array literal of uuids (`{a,b}`), for binding one array to one `?::uuid[]`: the query
 * builder would expand a JS array into a list of placeholders. Anything but a uuid is dropped (it
 * could match no row, and is never spliced into SQL).
 */
export function uuidArrayLiteral(ids: readonly string[]): string {
  return `{${ids.filter(isUuid).join(',')}}`;
}
