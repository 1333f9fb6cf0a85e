// What DuckDB-wasm costs a reader to download: its engine (duckdb-eh.wasm, the bundle every current browser
// gets) and its worker script, as the build precompresses them. One place for the pages' wording; an e2e test
// (test/e2e/query-offline.test.ts) holds these figures to the built files, so an upgrade that changes them fails.
export const DUCKDB_DOWNLOAD_MB = {brotli: 6.3, gzip: 7.9} as const;

/** e.g. "about 6.3 MB, or 7.9 MB where the server sends gzip" */
export const duckdbDownloadText = (): string =>
  `about ${DUCKDB_DOWNLOAD_MB.brotli} MB, or ${DUCKDB_DOWNLOAD_MB.gzip} MB where the server sends gzip`;
