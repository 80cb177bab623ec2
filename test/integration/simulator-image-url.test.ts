// fal's runner downloads image_url and fails the job when it cannot (or gets no image); the simulator
// used to accept any link and answer with the sample clip. Image URLs are served by a local server
// here: the simulator must never reach an arbitrary host from a test.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_TIMING, startSimulator, type Simulator, type SimJobView } from '../../electron/core/simulator';
import { REPO } from '../support/run-cli';

const AUTH = { authorization: 'Bearer test-key' };
let sim: Simulator;
let images: Server;
let imageBase: string;

beforeAll(async () => {
  const jpeg = await readFile(join(REPO, 'electron/core/simulator/assets/sample-input.jpg'));
  images = createServer((req, res) => {
    if (req.url === '/pic.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg);
    if (req.url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a picture</html>');
    if (req.url === '/huge.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.concat([jpeg, Buffer.alloc(4096)]));
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => images.listen(0, '127.0.0.1', resolve));
  imageBase = `http://127.0.0.1:${(images.address() as AddressInfo).port}`;
  sim = await startSimulator({ timing: FAST_TEST_TIMING, fetchImageUrls: { timeoutMs: 5000, maxBytes: jpeg.length + 1024 } });
});

afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => images.close(resolve));
});

/** Submits, waits for COMPLETED (by event, no sleeps) and returns the result's status and body. */
async function run(imageUrl: string, endpoint = 'fal-ai/veo3/image-to-video', input: Record<string, string> = { image_url: imageUrl }): Promise<{ status: number; body: { detail: { loc: string[]; type: string; msg: string }[] }; view: SimJobView | undefined }> {
  const submitted = await fetch(`${sim.baseUrl}/${endpoint}`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: 'a heron', ...input }),
  });
  expect(submitted.status).toBe(200);
  const { request_id: id } = (await submitted.json()) as { request_id: string };
  if (sim.job(id)?.state !== 'COMPLETED') {
    await new Promise<void>((resolve) => {
      const off = sim.on('completed', (job: SimJobView) => {
        if (job.requestId !== id) return;
        off();
        resolve();
      });
    });
  }
  const app = endpoint.split('/').slice(0, 2).join('/');
  const result = await fetch(`${sim.baseUrl}/${app}/requests/${id}`, { headers: AUTH });
  return { status: result.status, body: (await result.json()) as { detail: { loc: string[]; type: string; msg: string }[] }, view: sim.job(id) };
}

describe('the simulator fetches an http(s) image_url as fal does', () => {
  it('completes with a video when the link serves an image', async () => {
    const { status, view } = await run(`${imageBase}/pic.jpg`);
    expect(status).toBe(200);
    expect(view?.outcome).toBe('video');
  });

  it.each([
    ['a link that answers 404', '/missing.png', 'file_download_error'],
    ['a host that does not resolve', 'http://nonexistent.invalid/pic.png', 'file_download_error'],
    ['a link to a web page, not an image', '/page.html', 'image_load_error'],
    ['a file over the size cap', '/huge.jpg', 'file_download_error'],
  ])('fails the job with a 422 on image_url for %s', async (_what, link, type) => {
    const { status, body, view } = await run(link.startsWith('/') ? `${imageBase}${link}` : link);
    expect(view?.outcome).toBe('error');
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ loc: ['body', 'image_url'], type });
    expect(body.detail[0]?.msg).toMatch(/\S/);
  });
});

describe('first and last frame: both links are fetched', () => {
  it('a dead last frame fails the job on last_frame_url, after a good first frame', async () => {
    const { status, body } = await run('', 'fal-ai/veo3.1/first-last-frame-to-video', {
      first_frame_url: `${imageBase}/pic.jpg`,
      last_frame_url: `${imageBase}/gone.jpg`,
    });
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ loc: ['body', 'last_frame_url'], type: 'file_download_error' });
  });
});
