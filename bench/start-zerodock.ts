import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRuntime, type Runtime } from '../src/cli/runtime.js';
import { demoDatasetPath } from '../src/server/package-root.js';
import { buildServer } from '../src/server/build-server.js';
import { readPackageVersion } from '../src/server/package-root.js';
import { isDatabaseEmpty, listDemoAccounts, loadDemoDataset, readDemoDataset } from '../src/services/demo-service.js';
import { pingDatabase, type StorageBackend } from '../src/storage/create-database.js';
import type { RunningServer } from './start-bare-server.js';

export interface ZerodockServerOptions {
  /** PostgreSQL when given; otherwise PGlite in a fresh temporary data directory. */
  readonly databaseUrl?: string;
  /** Serve the built web app from dist/web as `serve` does. */
  readonly serveWeb: boolean;
}

export interface RunningZerodock extends RunningServer {
  readonly backend: StorageBackend;
  /** Where the data lives, without credentials. */
  readonly location: string;
  /** False when the database already held organisations, so the demo dataset was not loaded again. */
  readonly demoLoaded: boolean;
}

/** Zerodock in this process, wired as `zerodock serve` wires it, with the demo dataset, on loopback port 0. */
export async function startZerodock(options: ZerodockServerOptions): Promise<RunningZerodock> {
  const dataDir = options.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-'));
  const removeDataDir = () => {
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  // A minimal environment so that the caller's PORT, LOG_LEVEL or DATABASE_URL cannot change what is measured.
  const environment: NodeJS.ProcessEnv = options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl }
    : { ZERODOCK_DATA_DIR: dataDir ?? '' };
  let runtime: Runtime;
  try {
    runtime = await openRuntime(environment);
  } catch (error) {
    removeDataDir();
    throw error;
  }
  const closeRuntime = async () => {
    try {
      await runtime.close();
    } finally {
      removeDataDir();
    }
  };
  try {
    const { services, packageRoot } = runtime;
    const demo = readDemoDataset(demoDatasetPath(packageRoot));
    const demoLoaded = await isDatabaseEmpty(services);
    if (demoLoaded) await loadDemoDataset(services, demo);
    const app = await buildServer({
      services,
      backend: runtime.database.backend,
      version: readPackageVersion(packageRoot),
      demo: await listDemoAccounts(services, demo),
      loginRateLimit: 1000,
      cookieSecure: false,
      checkDatabase: () => pingDatabase(runtime.database.db),
      logger: false,
      trustProxy: false,
      webRoot: options.serveWeb ? path.join(packageRoot, 'dist', 'web') : null,
    });
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (typeof address !== 'object' || !address) throw new Error('Zerodock server has no TCP address');
      return {
        baseUrl: `http://127.0.0.1:${address.port}`,
        backend: runtime.database.backend,
        location: runtime.database.location,
        demoLoaded,
        close: async () => {
          try {
            await app.close();
          } finally {
            await closeRuntime();
          }
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  } catch (error) {
    await closeRuntime();
    throw error;
  }
}
