import Fastify from 'fastify';

export interface RunningServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** The peer: Fastify 5 with nothing but one JSON route, the ceiling any Fastify app on this machine can reach. */
export async function startBareServer(): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get('/bare', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) {
    await app.close();
    throw new Error('bare Fastify server has no TCP address');
  }
  return { baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}
