import net from 'node:net';

/**
 * A TCP proxy in front of the database that a test can make silent (accepts, reads, never answers),
 * take down (connection refused) and bring back, to play a database having a bad day.
 */
export interface TcpProxy {
  port: number;
  /** Forward both ways (the normal state). */
  pass(): void;
  /** Keep accepting, swallow every byte, answer nothing: a hung server or a black-holed route. */
  silence(): void;
  /** Stop listening and cut every connection: the server is down. */
  down(): Promise<void>;
  /** Listen again on the same port, forwarding. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'pass' | 'silent' = 'pass';
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const onClient = (client: net.Socket) => {
    track(client);
    if (mode === 'silent') {
      client.resume();
      return;
    }
    const upstream = net.connect(target);
    track(upstream);
    client.on('data', (d) => {
      if (mode === 'pass') upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (mode === 'pass') client.write(d);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  };
  let server = net.createServer(onClient);
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  const port = await listen(0);
  return {
    port,
    pass: () => {
      mode = 'pass';
    },
    silence: () => {
      mode = 'silent';
    },
    down: stop,
    async up() {
      mode = 'pass';
      server = net.createServer(onClient);
      await listen(port);
    },
    close: async () => {
      if (server.listening) await stop();
      else for (const s of sockets) s.destroy();
    },
  };
}
