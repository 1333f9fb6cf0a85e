// The query page's start-up tables as Arrow IPC streams, base64 in one JSON object ({table: stream}), made by
// DuckDB at build time from the same CSV text and statement the page would use (loaders/query/arrow-tables.ts).
// Fetched only when DuckDB starts. The training curves are not in it: the page reads them from the downloads'
// curves.csv and curve-axes.csv on first use.
import {queryCsvTables} from "../../loaders/query/csv-tables.js";
import {arrowTables} from "../../loaders/query/arrow-tables.js";
import {bytesToBase64} from "../lib/sql/query-tables.js";

const tables = await arrowTables(queryCsvTables());
process.stdout.write(JSON.stringify(Object.fromEntries(tables.map((t) => [t.name, bytesToBase64(t.arrow)]))));
