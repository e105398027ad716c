export declare const FERRETDB_MODULE: string;
export declare const FERRETDB_VERSION: string;
export declare class EmbeddedDatabaseError extends Error {}
export declare const ID_INDEX_PATCH: { file: string; from: string; to: string };
export declare function ferretdbBinaryPath(toolsDir: string): string;
export declare function applyIdIndexPatch(srcDir: string): void;
export declare function ensureFerretDB(options: { toolsDir: string; log?: (msg: string) => void }): string;
export declare function freePort(): Promise<number>;
export declare function sqliteSyncMode(value?: string): "normal" | "full";
export declare function ferretdbGcEnv(env?: Record<string, string | undefined>): { GOGC: string; GOMEMLIMIT: string };
export declare function portIsFree(port: number, host?: string | null): Promise<boolean>;
export interface EmbeddedDatabase {
  uri: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}
export declare function startFerretDB(options: {
  binary: string;
  dataDir: string;
  port?: number;
  dbName?: string;
  quiet?: boolean;
  timeoutMs?: number;
  /** SQLite's synchronous setting; defaults to SWITCHYARD_DB_SYNC or "normal". */
  sync?: "normal" | "full";
}): Promise<EmbeddedDatabase>;
