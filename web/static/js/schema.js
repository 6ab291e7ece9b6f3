// schema.js: how a page says what a database holds, from the engine's
// db.schema(): each table or view with its columns (name, declared type,
// what constrains it) and its indexes. The lesson page's database panel
// (dbpanel.js) and the playground's schema panel (playground-schema.js)
// show this one description, each in its own markup.

// schemaUI are the words of a schema.
export const schemaUI = {
  view: "view",
  primaryKey: "primary key",
  notNull: "not null",
  unique: "unique",
  index: "index",
};

// describeTable returns what a panel shows of table t from db.schema():
// {name, view (reports whether it is a view), columns: [{name, type,
// keys}], indexes: [text]}; type and keys are "" when there are none.
export function describeTable(t) {
  return {
    name: t.name,
    view: t.type === "view",
    columns: t.columns.map((c) => ({ name: c.name, type: c.type ?? "", keys: columnKeys(c) })),
    indexes: (t.indexes ?? []).map(indexText),
  };
}

// columnKeys says what constrains a column: "primary key, not null,
// default 0, → authors(id)"; "" when nothing does.
function columnKeys(c) {
  const keys = [];
  if (c.primaryKey > 0) keys.push(schemaUI.primaryKey);
  if (c.notNull) keys.push(schemaUI.notNull);
  if (c.default) keys.push(`default ${c.default}`);
  if (c.references) keys.push(`→ ${c.references}`);
  return keys.join(", ");
}

// indexText says what an index is and which columns it covers: one made
// with create index by its name ("unique index by_email (email)"), one
// SQLite made for a constraint by the constraint ("primary key (a, b)",
// "unique (email)").
function indexText(i) {
  const cols = `(${i.columns.join(", ")})`;
  if (i.origin === "pk") return `${schemaUI.primaryKey} ${cols}`;
  if (i.origin === "u") return `${schemaUI.unique} ${cols}`;
  return `${i.unique ? schemaUI.unique + " " : ""}${schemaUI.index} ${i.name} ${cols}`;
}
