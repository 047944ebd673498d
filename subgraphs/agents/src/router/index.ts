export * from './domain/contracts.js';
export * from './domain/errors.js';
export * from './domain/classification.js';
export * from './domain/registry.js';
export * from './domain/learning.js';
export * from './execution/index.js';
