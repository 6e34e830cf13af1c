/**
 * An overload in its own process: autocannon at a fixed overall rate over many paths, round-robin, for a
 * number of seconds; prints autocannon's JSON result (statusCodeStats holds the count per status). Arguments:
 * base URL, seconds, connections, overall rate (requests/s), then a JSON file of paths.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [base, seconds, connections, rate, file] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(file, 'utf8'));
let next = 0;
const result = await autocannon({
  url: base,
  duration: Number(seconds),
  connections: Number(connections),
  overallRate: Number(rate),
  timeout: 30,
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
process.stdout.write(JSON.stringify(result));
