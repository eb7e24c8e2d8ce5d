import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isDatabaseEmpty, listDemoAccounts, readDemoDataset } from '../../services/demo-service.js';
import { loadFullDemo } from '../../services/load-full-demo.js';
import { createDemoReporter, demoPostingsCount, demoSourcesOf } from '../demo-loading.js';
import { buildServer } from '../../server/build-server.js';
import { createFriendlyLogStream } from '../../server/friendly-log-stream.js';
import { pingDatabase } from '../../storage/create-database.js';
import { readPackageVersion } from '../../server/package-root.js';
import { curatedCatalogueDirOf, demoDatasetPath } from '../../server/package-root.js';
import { ensureCuratedCatalogue } from '../../services/taxonomy-source-import.js';
import { startControlSocket } from '../../storage/backup/control-socket.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';
import { UploadArea } from '../../server/upload-file.js';
import { startUploadSweep } from '../../server/upload-sweep.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the web server and API (PGlite in ZERODOCK_DATA_DIR, or PostgreSQL when DATABASE_URL is set)')
    .option('--port <port>', 'port to listen on (env PORT, default 3000; 0 picks a free one)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1)')
    .option('--demo-if-empty', 'load the demo dataset when the database holds no organisation yet')
    .action((options: { port?: string; host?: string; demoIfEmpty?: boolean }) =>
      runCommand(
        async () => {
          const environment = { ...process.env };
          if (options.port !== undefined) environment.PORT = options.port;
          if (options.host !== undefined) environment.HOST = options.host;
          const log = (line: string) => process.stdout.write(`${line}\n`);
          const runtime = await openRuntime(environment, { line: log });
          const { config, services, packageRoot } = runtime;
          log(
            `Zerodock database: ${runtime.database.backend} (${runtime.database.location}); migrations applied: ${runtime.migrations.applied.length} of ${runtime.migrations.total}`,
          );

          // Production never loads or shows the demo accounts: their password is public.
          const dataset = config.production ? null : readDemoDataset(demoDatasetPath(packageRoot));
          if (options.demoIfEmpty && config.production) {
            log('NODE_ENV=production: the demo dataset and its known password are not loaded.');
          }
          if (dataset && options.demoIfEmpty && (await isDatabaseEmpty(services))) {
            // The same full demo as `zerodock demo`.
            log('A fresh installation: loading the demo (演示数据), about a minute on a small machine.');
            await loadFullDemo(
              services,
              demoSourcesOf(packageRoot, dataset, demoPostingsCount(undefined)),
              createDemoReporter(),
            );
          } else {
            log('Checking the curated competency catalogue…');
            const catalogue = await ensureCuratedCatalogue(services, curatedCatalogueDirOf(packageRoot));
            if (catalogue) {
              log(
                `Curated catalogue loaded: ${catalogue.key}@${catalogue.label}, ${catalogue.counts.competencies} competencies, ${catalogue.counts.posts} posts.`,
              );
            }
          }
          const demoAccounts = dataset ? await listDemoAccounts(services, dataset) : null;
          const demo = demoAccounts && demoAccounts.accounts.length > 0 ? demoAccounts : null;
          if (config.production && !config.cookieSecure) {
            log(
              'Warning: NODE_ENV=production with ZERODOCK_COOKIE_SECURE=false: session cookies are not marked Secure (plain-HTTP testing only).',
            );
          }

          const uploads = new UploadArea({
            root: config.uploads.dir,
            importConcurrency: config.uploads.importConcurrency,
            importQueueMs: config.uploads.importQueueMs,
          });
          const app = await buildServer({
            uploads,
            services,
            backend: runtime.database.backend,
            version: readPackageVersion(packageRoot),
            demo,
            loginRateLimit: config.loginRateLimit,
            cookieSecure: config.cookieSecure,
            publicUrl: config.publicUrl,
            checkDatabase: () => pingDatabase(runtime.database.db),
            logger: {
              level: config.logLevel,
              redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
              ...(config.logFormat === 'pretty' ? { stream: createFriendlyLogStream() } : {}),
            },
            trustProxy: config.trustProxy,
            webRoot: path.join(packageRoot, 'dist', 'web'),
            requestDeadlineSeconds: config.requestDeadlineSeconds,
          });
          const sweep = setInterval(
            () => {
              services.store.repositories.sessions.deleteExpired(services.clock()).catch((error: unknown) => {
                app.log.error({ err: error }, 'session sweep failed');
              });
            },
            60 * 60 * 1000,
          );
          sweep.unref();
          // `zerodock backup` of the embedded database asks this process for a dump over a private unix socket.
          const dataDirectory = runtime.database.dataDirectory;
          const control =
            dataDirectory?.lock.socketPath != null
              ? await startControlSocket({
                  socketPath: dataDirectory.lock.socketPath,
                  token: dataDirectory.lock.token,
                  dump: () => dataDirectory.dump(),
                  onError: (error) => app.log.error({ err: error }, 'backup dump failed'),
                })
              : null;
          const stopUploadSweep = startUploadSweep(uploads, services, config.uploads.staleMs, app.log);

          let closing = false;
          const shutdown = (signal: string) => {
            if (closing) return;
            closing = true;
            app.log.info({ signal }, 'shutting down');
            clearInterval(sweep);
            stopUploadSweep();
            app
              .close()
              .then(() => control?.close())
              .then(() => runtime.close())
              .then(() => process.exit(0))
              .catch((error: unknown) => {
                process.stderr.write(`Shutdown failed: ${String(error)}\n`);
                process.exit(1);
              });
          };
          process.once('SIGINT', () => shutdown('SIGINT'));
          process.once('SIGTERM', () => shutdown('SIGTERM'));

          await app.listen({ port: config.port, host: config.host });
          const address = app.server.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          log('');
          log(`Zerodock listening on http://${shownHost}:${port}`);
          log(`  API documentation: http://${shownHost}:${port}/api/docs`);
          if (!fs.existsSync(path.join(packageRoot, 'dist', 'web', 'index.html'))) {
            log('  (web UI not built: run `npm run build` to serve it here)');
          }
          if (demo) {
            log('');
            log(`Demo accounts (演示账号) — password / 密码: ${demo.password ?? ''}`);
            for (const account of demo.accounts) {
              log(`  ${account.email.padEnd(44)} ${account.roles.join(', ')}`);
            }
          } else if ((await services.store.repositories.people.countPlatformAdmins()) === 0) {
            log('');
            log(
              'No administrator yet: create one with `zerodock admin create --email you@example.org --name "Your Name"`.',
            );
          }
          return undefined;
        },
        { keepAlive: true },
      ),
    );
}
