/**
 * Load over many paths, round-robin, in its own process (autocannon's CLI takes a single URL): prints
 * autocannon's JSON result. Arguments: base URL, seconds, connections, then a JSON file of paths.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [base, seconds, connections, file] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(file, 'utf8'));
let next = 0;
const result = await autocannon({
  url: base,
  duration: Number(seconds),
  connections: Number(connections),
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
process.stdout.write(JSON.stringify(result));
