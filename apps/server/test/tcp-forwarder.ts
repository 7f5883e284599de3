import net from 'node:net';

/**
 * A load balancer in miniature, on loopback: each new TCP connection goes to
 * the first of `targets` (ports) that accepts it, byte for byte both ways.
 * When a target dies its connections close, and their clients' reconnections
 * land on the next one alive.
 */
export interface TcpForwarder {
  url: string;
  close(): Promise<void>;
}

export function startTcpForwarder(targets: () => number[]): Promise<TcpForwarder> {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => client.destroy());
    client.pause();
    const tryTarget = (remaining: number[]) => {
      const [port, ...rest] = remaining;
      if (port === undefined) return client.destroy();
      const upstream = net.connect(port, '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        upstream.on('error', () => client.destroy());
        upstream.on('close', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
      });
      upstream.once('error', () => {
        if (!connected) tryTarget(rest);
      });
    };
    tryTarget(targets());
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of open) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
