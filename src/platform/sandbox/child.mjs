// Entry of a sandbox child process (pool.ts). The PDF library and its worker are loaded natively, before tsx is
// registered: loaded through tsx they are transformed on every start (about a second and 250 MB per child), and
// pdfjs takes its worker from globalThis.pdfjsWorker instead of importing it again. Then the TypeScript loop.
await import('pdfjs-dist/legacy/build/pdf.mjs');
globalThis.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
const { register } = await import('tsx/esm/api');
register();
await import('./child-loop.ts');
