export * from './contracts.js';
export * from './errors.js';
export * from './classification.js';
export * from './registry.js';
export * from './learning.js';
export * from './execution/index.js';
