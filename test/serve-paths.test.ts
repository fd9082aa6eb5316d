/**
 * `clippings serve` survives hostile request paths: the real CLI serves a temp archive; crafted paths
 * (encoded `..`, backslashes, NUL, overlong UTF-8, very long paths) sent byte for byte over a socket get
 * 400, and the server keeps answering 200 for a normal page. A busy --port is named, with how to pick another.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { choosePort } from '../src/cli/choose-port.ts';
import { REPO, SEED_FILE } from './support/browser.ts';

let work = '';
let port = 0;
let server: ChildProcess | undefined;
let log = '';

before(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'clippings-serve-paths-'));
  await mkdir(path.join(work, 'content'));
  await copyFile(path.join(REPO, 'content', SEED_FILE), path.join(work, 'content', SEED_FILE));
  port = await freePort();
  server = serve(String(port));
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while ((await rawGet('/').catch(() => undefined))?.status !== 200) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start\n${log}`);
    await new Promise((done) => setTimeout(done, 250));
  }
});

after(async () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

const CRAFTED = [
  '/..%2f..%2fetc%2fpasswd',
  '/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/articles/..%2f..%2f..%2fetc%2fpasswd',
  '/..\\..\\etc\\passwd',
  '/%5c..%5c..%5cetc%5cpasswd',
  '/index.html%00.css',
  '/%00',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '/%e0%80%af../etc/passwd',
  '/%ff%fe',
  '/%',
  `/${'a'.repeat(5000)}`,
  `/${'..%2f'.repeat(800)}etc/passwd`,
];

test('crafted paths are refused with 400 and the server keeps serving', async () => {
  for (const target of CRAFTED) {
    const reply = await rawGet(target);
    assert.ok(server!.exitCode === null && server!.signalCode === null, `the server is still running after ${target.slice(0, 60)}\n${log}`);
    assert.equal(reply.status, 400, `${target.slice(0, 60)} → ${reply.head}`);
    assert.doesNotMatch(reply.body, /root:|Invalid path/, 'no file outside the output, no stack trace');
  }
  const home = await rawGet('/');
  assert.equal(home.status, 200);
  assert.match(home.body, /白宫：俄罗斯和朝鲜正积极推进达成武器协议的谈判/);
  assert.equal((await rawGet('/no/such/page/')).status, 404, 'an ordinary missing page is still a 404');
});

test('a busy --port is named, with how to pick another', async () => {
  const taken = await listenAnywhere();
  try {
    const busy = (taken.address() as AddressInfo).port;
    const second = serve(String(busy));
    let output = '';
    second.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    second.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => second.once('exit', done));
    assert.equal(code, 1, output);
    assert.match(output, new RegExp(`port ${busy} is already in use.*--port`));
    assert.doesNotMatch(output, /Tried 0 different ports|\n\s+at /, 'no dev-server message, no stack trace');
  } finally {
    await new Promise((done) => taken.close(done));
  }
});

test('without --port, a busy default port gives way to the next free one, and says so', async () => {
  const taken = await listenAnywhere();
  try {
    const busy = (taken.address() as AddressInfo).port;
    const notes: string[] = [];
    const chosen = await choosePort(busy, false, (m) => notes.push(m));
    assert.ok(chosen > busy && chosen <= busy + 10, `${chosen}`);
    assert.deepEqual(notes, [`Port ${busy} is in use; serving on port ${chosen} instead (choose one with --port).`]);
    await assert.rejects(choosePort(busy, true, () => undefined), new RegExp(`port ${busy} is already in use`));
  } finally {
    await new Promise((done) => taken.close(done));
  }
});

function serve(portFlag: string): ChildProcess {
  const args = ['serve', '--input', path.join(work, 'content'), '--output', path.join(work, 'site'), '--cache-dir', path.join(work, 'cache'), '--time-zone', 'Asia/Shanghai', '--quiet', '--port', portFlag];
  return spawn(process.execPath, [path.join(REPO, 'bin/clippings.js'), ...args], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** GET with the request target sent exactly as given (fetch would normalize `..` and backslashes away). */
function rawGet(target: string): Promise<{ status: number; head: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${target.slice(0, 60)}`)));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      if (status === 0) reject(new Error(`no HTTP answer to ${target.slice(0, 60)}: ${JSON.stringify(text.slice(0, 200))}`));
      else resolve({ status, head: head.split('\r\n')[0]!, body });
    });
    socket.write(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => done(free));
    });
  });
}

/** A listener on a random port on every interface, as the dev server listens. */
function listenAnywhere(): Promise<Server> {
  return new Promise((done, fail) => {
    const taken = createServer();
    taken.once('error', fail);
    taken.listen({ port: 0 }, () => done(taken));
  });
}
