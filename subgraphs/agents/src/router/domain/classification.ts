export { classifyTask, type ClassifyInput } from './classification/classify-task.js';
export { classifyWithLlm, type Complete } from './classification/classify-with-llm.js';
export {
  estimateComplexity,
  complexityFeatures,
  type ComplexityFeatures,
} from './classification/estimate-complexity.js';
export { estimateInputTokens, estimateOutputTokens } from './classification/estimate-tokens.js';
export {
  evaluateClassifier,
  type ClassifierEvaluation,
} from './classification/evaluate-classifier.js';
export { TASK_EXAMPLES, type TaskExample } from './classification/task-examples.js';
