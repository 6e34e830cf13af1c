/** The annual-report model: formats, ids, labels. Other capabilities import from here. */
export * from './types.js';
export * from './shared-tables.js';
export { FORMAT_2019 } from './format-2019.js';
export { FORMAT_2021 } from './format-2021.js';
export * from './formats.js';
export * from './labels.js';
export * from './detect.js';
