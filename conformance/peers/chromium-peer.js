#!/usr/bin/env node
'use strict';
// Headless Chromium as a stdio peer (PROTOCOL.md). Node launches Debian's /usr/bin/chromium through
// playwright-core (never a downloaded browser), serves chromium-page.js from http://127.0.0.1 and
// bridges JSON lines: stdin -> page.evaluate(ternInput), page ternEmit binding -> stdout.
//
// Why the page is served from http://127.0.0.1 with camera/microphone granted: without that
// permission Chromium does not enumerate network interfaces for WebRTC; it binds a wildcard socket and
// announces only the address of the default route, so on a loopback-only machine (or a network
// namespace with no default route) it gathers no candidate at all. With the permission and
// --allow-loopback-in-peer-connection it announces 127.0.0.1.

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const common = require('./stdio-common');
const { emit } = common;

const NAME = 'chromium-peer';
const opts = common.parseFlagsOrExit(process.argv.slice(2), NAME);
const log = (...a) => { if (process.env.TERN_PEER_DEBUG) common.log(NAME, ...a); };
const CHROMIUM = process.env.TERN_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream', '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--allow-loopback-in-peer-connection',
  // Defence in depth: the browser resolves no host name but 127.0.0.1, so its background services
  // (account, update and time checks that still run headless) cannot reach anything.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

const PAGE_HTML = '<!doctype html><meta charset="utf-8"><title>tern chromium peer</title><script src="/peer.js"></script>';
const PAGE_JS = fs.readFileSync(path.join(__dirname, 'chromium-page.js'), 'utf8');

let server = null;
let context = null;
let userDataDir = null;
let exiting = false;
let pageReady = false;
const inputQueue = [];
let pumping = false;

async function shutdown(code, why) {
  if (exiting) return;
  exiting = true;
  log('shutdown', code, why || '');
  const hard = setTimeout(() => process.exit(code), 8000);
  try { if (context) await context.close(); } catch (e) { /* browser already gone */ }
  try { if (server) server.close(); } catch (e) { /* ignore */ }
  try { if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true }); } catch (e) { /* ignore */ }
  clearTimeout(hard);
  process.exit(code);
}

function fatal(message, code = 1) {
  if (exiting) return;
  emit({ type: 'error', message, fatal: true });
  shutdown(code, message);
}

function fromPage(msg) {
  if (exiting) return;
  if (msg && msg.type === '__exit') { shutdown(msg.code, msg.reason); return; }
  emit(msg);
}

let page = null;
async function pump() {
  if (pumping || !pageReady) return;
  pumping = true;
  while (inputQueue.length && !exiting) {
    const m = inputQueue.shift();
    try {
      await page.evaluate((x) => window.ternInput(x), m);
    } catch (e) {
      if (!exiting) fatal(`page: ${e.message.split('\n')[0]}`);
    }
  }
  pumping = false;
}

function onInput(m) {
  if (exiting) return;
  inputQueue.push(m);
  pump();
}

function iceServerConfig(s) {
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  if (s.scheme.startsWith('stun')) return { urls: `${s.scheme}:${host}:${s.port}` };
  return { urls: `${s.scheme}:${host}:${s.port}?transport=${s.transport}`, username: s.username, credential: s.password };
}

async function main() {
  server = http.createServer((req, res) => {
    if (req.url === '/peer.js') { res.writeHead(200, { 'content-type': 'text/javascript' }); res.end(PAGE_JS); return; }
    if (req.url === '/' || req.url.startsWith('/?')) { res.writeHead(200, { 'content-type': 'text/html' }); res.end(PAGE_HTML); return; }
    res.writeHead(404); res.end();
  });
  await new Promise((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve); });
  const origin = `http://127.0.0.1:${server.address().port}`;

  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tern-chromium-'));
  const { chromium } = require('playwright-core');
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: ARGS, permissions: ['camera', 'microphone'],
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, timeout: 30000,
  });
  context.on('close', () => { if (!exiting) fatal('browser closed unexpectedly'); });
  page = context.pages()[0] || await context.newPage();
  page.on('crash', () => fatal('page crashed'));
  page.on('pageerror', (e) => { if (!exiting) emit({ type: 'error', message: `page error: ${e.message}`, fatal: false }); });
  if (process.env.TERN_PEER_DEBUG) page.on('console', (m) => log('console', m.text()));
  await context.grantPermissions(['camera', 'microphone'], { origin });
  await page.exposeFunction('ternEmit', fromPage);
  await page.goto(`${origin}/`, { timeout: 30000 });

  const config = {
    role: opts.role, label: opts.label, unordered: opts.unordered, maxRetransmits: opts.maxRetransmits,
    maxPacketLifeTime: opts.maxPacketLifeTime, negotiatedId: opts.negotiatedId, echo: opts.echo,
    trickle: opts.trickle, bind: opts.bind || '127.0.0.1', iceServers: opts.iceServers.map(iceServerConfig),
    relayOnly: opts.relayOnly,
  };
  emit({ type: 'ready' });
  if (opts.keylog) emit({ type: 'error', message: '--keylog is not supported by Chromium (WebRTC DTLS keys are not exported); no keys written', fatal: false });
  if (opts.portRange) emit({ type: 'error', message: '--port-range is not supported by Chromium per page; ignored', fatal: false });
  await page.evaluate((c) => window.ternStart(c), config);
  pageReady = true;
  pump();
}

if (opts.timeout) setTimeout(() => fatal(`timeout after ${opts.timeout} s`, 3), opts.timeout * 1000);
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(sig, () => shutdown(128 + os.constants.signals[sig], sig));
common.readInput(onInput, () => {
  // EOF on stdin means close. Bounded: if the page cannot act on it, leave anyway.
  if (!pageReady) { shutdown(0, 'stdin closed'); return; }
  onInput({ type: 'close' });
  setTimeout(() => shutdown(0, 'stdin closed'), 10000);
});
main().catch((e) => fatal(`startup: ${e.message.split('\n')[0]}`));
