// The Node.js flags the production server runs with (npm start, the demo, the benchmark and the
// load test). A 64 MB young generation: a page allocates tens of MB of short-lived objects (query
// results, React elements), and with the 16 MB default the scavenger ran several times a request;
// measured +15 % throughput on the victim page and the bare route (docs/performance.md).
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64']
