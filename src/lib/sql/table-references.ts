// Which of the tables loaded on first use a reader's SQL may read: the query page loads its large tables (the
// 113,000-row training curves) only for a query that names them, so that the first Run of any other query
// does not wait for them. Over-matching (a name inside a string or a comment) only loads a table early.

/** The names in `lazy` that occur in `sql` as a whole word, case-insensitively, in `lazy`'s order. */
export function referencedTables(sql: string, lazy: readonly string[]): string[] {
  return lazy.filter((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}($|[^A-Za-z0-9_])`, "i").test(sql));
}
