import net from 'node:net';
import { StackError } from './errors';

/** A port the OS considers free right now (another process may still take it before we do). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : undefined;
      server.close(() => (port === undefined ? reject(new Error('could not read a free port')) : resolve(port)));
    });
  });
}

/**
 * Fails with a message the user can act on if the port cannot be bound. `setting` names the
 * variable that moves it (e.g. 'PORT'); the message is more helpful with it.
 */
export function assertPortFree(port: number, what: string, host = '127.0.0.1', setting?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err: NodeJS.ErrnoException) => {
      const move = setting ? `set ${setting} to another port` : 'choose another port';
      if (err.code === 'EADDRINUSE') {
        reject(
          new StackError(
            `Port ${port} (${what}) is already in use — is another Amtsflow instance running? Stop it or ${move}.`,
          ),
        );
      } else if (err.code === 'EACCES') {
        reject(new StackError(`Port ${port} (${what}) needs privileges this user lacks; ${move}.`));
      } else if (err.code === 'EADDRNOTAVAIL') {
        reject(new StackError(`Cannot listen on ${host}:${port} (${what}): ${host} is not an address of this machine.`));
      } else {
        reject(err);
      }
    });
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve()));
  });
}
