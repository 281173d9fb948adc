// Types for schema-engine.mjs, so TypeScript callers (lib/db/migrations.int.test.ts) type-check.
import type { MigrationList, SchemaContainer, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";

export declare const ROOT: string;
export declare const SCHEMA_PATH: string;
export declare const MIGRATIONS_DIR: string;
export declare const LOCKFILE_NAME: string;
export declare const LOCKFILE_CONTENT: string;
export declare const NO_FILTER: SchemaFilter;

export declare function readSchema(schemaPath?: string): Promise<SchemaContainer>;
export declare function readMigrations(dir?: string): Promise<MigrationList>;

export type OpenSchemaEngineOptions = {
  connectionString: string;
  schema?: SchemaContainer;
  onLog?: (line: string) => void;
};

export type OpenedSchemaEngine = {
  engine: SchemaEngine;
  schema: SchemaContainer;
  close(): Promise<void>;
};

export declare function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<OpenedSchemaEngine>;
export declare function engineError(err: unknown): Error;
export declare function printEngineLog(line: string): void;
export declare function requireDatabaseUrl(purpose: string): string;
export declare function reportEnginePanics(): void;
