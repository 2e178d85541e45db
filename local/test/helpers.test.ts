/**
 * The tests' HTTP helper: a connection the server cuts settles the request — with the answer if
 * one came, otherwise as a failure that says why — so a test fails with a reason, never hangs.
 */
import { createServer, type Server, type Socket } from 'node:net';

import { httpRequest } from './helpers';

let server: Server;
const sockets = new Set<Socket>();

async function listen(onConnection: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('httpRequest when the server cuts the connection', () => {
  it('without an answer: rejects, naming the request', async () => {
    const port = await listen((socket) => socket.once('data', () => socket.destroy()));
    await expect(
      httpRequest(port, 'POST', '/cloud/cut', { body: Buffer.alloc(4 * 1024 * 1024) }),
    ).rejects.toThrow(/POST \/cloud\/cut/);
  });

  it('after answering (an oversized body refused): resolves with the answer', async () => {
    const port = await listen((socket) =>
      socket.once('data', () => {
        socket.end(
          'HTTP/1.1 413 Payload Too Large\r\nContent-Length: 8\r\nConnection: close\r\n\r\ntoo big!',
          () => socket.destroy(),
        );
      }),
    );
    const reply = await httpRequest(port, 'POST', '/cloud/big', {
      body: Buffer.alloc(16 * 1024 * 1024),
    });
    expect(reply.status).toBe(413);
    expect(reply.body.toString()).toBe('too big!');
  });
});
