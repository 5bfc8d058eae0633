// What other modules may use from demo.
export * from './demo-seed.service';
export * from './demo-workspace';
