export * from './prediction/prompt-features.js';
export * from './prediction/logistic-regression.js';
export * from './prediction/prompt-quality-model.js';
export * from './prediction/prompt-model-file.js';
export * from './prediction/prompt-prior.js';
