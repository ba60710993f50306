'use strict';
// autocannon's setupClient, loaded in its worker thread: each connection signs in as the next officer.
const tokens = JSON.parse(process.env.MOTCUA_BENCH_TOKENS ?? '[]');
let next = 0;
module.exports = (client) => client.setHeaders({ Authorization: `Bearer ${tokens[next++ % tokens.length]}` });
