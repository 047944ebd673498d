// The router's GraphQL types, one file per area, imported in the order the schema lists them.
export * from './router-enums.js';
export * from './model-types.js';
export * from './routing-types.js';
export * from './model-input.js';
