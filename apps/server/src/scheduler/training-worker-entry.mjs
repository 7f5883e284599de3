// A training worker's entry (TrainingPool starts it): the worker is TypeScript, so tsx's loader
// first, in this thread, whether or not the main thread runs under tsx (npm start, vitest, test servers).
import { register } from 'tsx/esm/api';

register();
await import('./training-worker.ts');
