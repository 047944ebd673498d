import { z } from 'zod';

/** What the README's configuration table says about one variable of one service's schema. */
export interface EnvFieldDoc {
  /** The default as the variable would be written; `undefined` when there is none. */
  fallback: string | undefined;
  /** True when the service refuses to start without the variable. */
  required: boolean;
  /** The accepted values: `integer 1–65535`, `` `on`, `off` ``, `URL starting with …`. */
  accepts: string;
  /** The field's `.describe()` text (the outermost one, where wrappers carry their own). */
  description: string | undefined;
}

interface Walk {
  description?: string;
  fallback?: unknown;
  optional: boolean;
  accepts: string[];
  /** Number bounds, gathered from every number schema on the way (a pipe may add some). */
  number?: { integer: boolean; low?: string; high?: string };
}

/**
 * Reads one env field of a zod 4 object schema through its wrappers (optional, default,
 * prefault, catch, pipe, transform) with the public introspection API: `instanceof` on the
 * classic classes and each check's `_zod.def` (zod's documented core API for library authors).
 */
export function envFieldDoc(field: z.ZodType): EnvFieldDoc {
  const walk: Walk = { optional: false, accepts: [] };
  visit(field, walk);
  if (walk.number) walk.accepts.push(numberRange(walk.number));
  return {
    fallback: walk.fallback === undefined ? undefined : String(walk.fallback),
    required: walk.fallback === undefined && !walk.optional,
    accepts: walk.accepts.join(', '),
    description: walk.description,
  };
}

function visit(node: z.ZodType, walk: Walk): void {
  walk.description ??= node.description;
  if (node instanceof z.ZodOptional) {
    walk.optional = true;
    visit(node.unwrap() as z.ZodType, walk);
  } else if (node instanceof z.ZodDefault || node instanceof z.ZodPrefault) {
    walk.fallback ??= node.def.defaultValue;
    visit(node.unwrap() as z.ZodType, walk);
  } else if (node instanceof z.ZodCatch) {
    visit(node.unwrap() as z.ZodType, walk);
  } else if (node instanceof z.ZodPipe) {
    // A transform only changes what the service sees; a schema piped into adds bounds.
    visit(node.in as z.ZodType, walk);
    if (!(node.out instanceof z.ZodTransform)) visit(node.out as z.ZodType, walk);
  } else if (node instanceof z.ZodNumber) {
    walk.number = numberBounds(node, walk.number ?? { integer: false });
  } else {
    walk.accepts.push(accepted(node));
  }
}

/** The values a leaf schema accepts, in words. */
function accepted(node: z.ZodType): string {
  if (node instanceof z.ZodEnum) return node.options.map((value) => `\`${value}\``).join(', ');
  if (node instanceof z.ZodString) return stringShape(node);
  if (node instanceof z.ZodBoolean) return '`true`, `false`';
  return node.type;
}

function checksOf(node: z.ZodType) {
  return (node.def.checks ?? []).map((check) => check._zod.def);
}

function numberBounds(node: z.ZodNumber, bounds: NonNullable<Walk['number']>) {
  const next = { ...bounds };
  for (const check of checksOf(node)) {
    if (check.check === 'number_format') next.integer = true;
    if (check.check === 'greater_than' && 'value' in check && 'inclusive' in check)
      next.low = `${check.inclusive ? '≥' : '>'} ${String(check.value)}`;
    if (check.check === 'less_than' && 'value' in check && 'inclusive' in check)
      next.high = `${check.inclusive ? '≤' : '<'} ${String(check.value)}`;
  }
  return next;
}

/** `integer 1–65535`, `integer ≥ 0`, `number > 0.5 and < 1`. */
function numberRange({ integer, low, high }: NonNullable<Walk['number']>): string {
  const kind = integer ? 'integer' : 'number';
  if (low?.startsWith('≥') && high?.startsWith('≤')) {
    return `${kind} ${low.slice(2)}–${high.slice(2)}`;
  }
  return `${kind} ${[low, high].filter(Boolean).join(' and ')}`.trim();
}

/** A refinement's message says what it accepts ("expected a URL starting with …"). */
function stringShape(node: z.ZodString): string {
  const shapes: string[] = [];
  for (const check of checksOf(node)) {
    if (check.check === 'min_length' && 'minimum' in check && Number(check.minimum) > 1) {
      shapes.push(`string of ${String(check.minimum)}+ characters`);
    }
    if (check.check === 'custom' && check.error) {
      const message = (check.error as (issue: { code: 'custom' }) => unknown)({ code: 'custom' });
      if (typeof message === 'string') shapes.push(plainRule(message));
    }
  }
  return shapes.join(', ') || 'string';
}

function plainRule(message: string): string {
  return message
    .replace(/^expected (an? )?/, '')
    .replace(/\b[a-z][a-z0-9+]*:\/\//g, '`$&`')
    .replace(/` or `/g, '`, `');
}
