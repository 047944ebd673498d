export * from './judging/judge-prompt.js';
export * from './judging/spend-pacer.js';
