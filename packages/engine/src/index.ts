export * from './config';
export * from './rng';
export * from './datasets';
export * from './features';
