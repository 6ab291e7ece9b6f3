// Types of sqljs.js: sql.js's API over dbtour's engine.

/** A value SQL stores: NULL, a number, a string, a blob; a bigint with useBigInt. */
export type SqlValue = number | string | Uint8Array | bigint | null;
/** What bind takes: values by position (missing ones are NULL) or by name. */
export type BindParams = SqlValue[] | Record<string, SqlValue | boolean | number[]> | null;
/** One statement's rows, as exec returns them. */
export interface QueryExecResult {
  columns: string[];
  values: SqlValue[][];
}
/** Reading options: useBigInt returns integers as bigints. */
export interface Config {
  useBigInt?: boolean;
}
/** dbtour's limits for a database (see README.md). */
export interface Limits {
  timeLimitMs?: number;
  maxLength?: number;
  maxMemory?: number;
}
/** initSqlJs's configuration. */
export interface SqlJsConfig {
  /** engine.wasm's bytes. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** engine.wasm's URL, given its file name. */
  locateFile?: (file: string, prefix: string) => string;
  /** dbtour's limits for every Database. */
  dbtour?: Limits;
}
/** The aggregate functions create_aggregate takes. */
export interface AggregateFunctions<T> {
  init?: () => T;
  step: (state: T, ...args: SqlValue[]) => T;
  finalize?: (state: T) => SqlValue | boolean | undefined;
}
export type ParamsObject = Record<string, SqlValue>;

/** A prepared statement. */
export declare class Statement {
  bind(values?: BindParams): boolean;
  step(): boolean;
  get(params?: BindParams, config?: Config): SqlValue[];
  getAsObject(params?: BindParams, config?: Config): ParamsObject;
  getColumnNames(): string[];
  getSQL(): string;
  getNormalizedSQL(): string;
  run(values?: BindParams): boolean;
  reset(): boolean;
  freemem(): void;
  free(): boolean;
}

/** Walks a script's statements, preparing each when reached. */
export declare class StatementIterator implements IterableIterator<Statement> {
  next(): IteratorResult<Statement>;
  getRemainingSQL(): string;
  [Symbol.iterator](): IterableIterator<Statement>;
}

/** An in-memory SQLite database. */
export declare class Database {
  constructor(data?: ArrayLike<number> | ArrayBuffer | null, options?: Limits);
  run(sql: string, params?: BindParams): Database;
  exec(sql: string, params?: BindParams, config?: Config): QueryExecResult[];
  each(sql: string, params: BindParams, callback: (row: ParamsObject) => void, done?: () => unknown, config?: Config): unknown;
  each(sql: string, callback: (row: ParamsObject) => void, done?: () => unknown, config?: Config): unknown;
  prepare(sql: string, params?: BindParams): Statement;
  iterateStatements(sql: string): StatementIterator;
  export(): Uint8Array;
  close(): void;
  handleError(returnCode: number): null;
  getRowsModified(): number;
  create_function(name: string, func: (...args: SqlValue[]) => SqlValue | boolean | number[] | undefined): Database;
  create_aggregate<T>(name: string, functions: AggregateFunctions<T>): Database;
  updateHook(callback: ((operation: "insert" | "update" | "delete", databaseName: string, tableName: string, rowId: number) => void) | null): Database;
}

/** The module initSqlJs resolves to. */
export interface SqlJsStatic {
  Database: typeof Database;
  Statement: typeof Statement;
  StatementIterator: typeof StatementIterator;
}

/** Loads the engine once and resolves to the module. */
declare function initSqlJs(config?: SqlJsConfig): Promise<SqlJsStatic>;
export default initSqlJs;
