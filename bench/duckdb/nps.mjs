// The DuckDB side of the comparison: NPS by store of a survey export,
// what `cxkit nps FILE --column nps --by store --json` computes, with
// DuckDB limited to THREADS threads. Prints the seconds the query took
// and the number of stores, so a run can be checked.
//
//	node nps.mjs FILE THREADS
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads] = process.argv.slice(2);
if (!file || !threads) {
  console.error('usage: node nps.mjs FILE THREADS');
  process.exit(2);
}
const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
const start = process.hrtime.bigint();
const reader = await con.runAndReadAll(`
  SELECT store, count(nps) AS n,
         count(*) FILTER (WHERE nps >= 9) AS promoters,
         count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS passives,
         count(*) FILTER (WHERE nps <= 6) AS detractors,
         100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
  FROM read_csv('${file.replaceAll("'", "''")}')
  GROUP BY store ORDER BY nps DESC`);
const rows = reader.getRowObjects();
const secs = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds: secs, stores: rows.length, best: rows[0] }, (_, v) => typeof v === 'bigint' ? Number(v) : v));
