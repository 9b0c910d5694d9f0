import { Pool } from 'undici';
const [url, path, seconds = '5', conns = '8'] = process.argv.slice(2);
const { token, body } = JSON.parse(process.env.INFO);
const pool = new Pool(url, { connections: Number(conns), pipelining: 1 });
let n = 0, bad = 0, seq = 0; const end = Date.now() + Number(seconds) * 1000;
const run = Math.floor(Math.random() * 36 ** 4).toString(36).toUpperCase().padStart(4, '0');
const mkId = () => 'MDHANNUN01M' + run + (seq++).toString(36).toUpperCase().padStart(10, '0');
async function worker() { while (Date.now() < end) { const r = await pool.request({ path, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-api-tran-id': mkId(), 'x-api-type': 'user-consent' }, body }); const t = await r.body.text(); if (r.statusCode !== 200 || !t.includes('"00000"')) bad++; n++; } }
await Promise.all(Array.from({ length: Number(conns) * 2 }, worker));
console.log(JSON.stringify({ rps: Math.round(n / Number(seconds)), bad }));
await pool.close();
