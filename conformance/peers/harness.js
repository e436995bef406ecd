#!/usr/bin/env node
'use strict';
// Pairs two stdio peers (PROTOCOL.md), relays their signaling, runs the scenario list and prints one
// line per check: `PASS|FAIL <pair>/<session>.<check> <details>`. Exits 1 on any FAIL, 2 on usage.
//
//   node harness.js --name ldc-chromium --offer "node ldc-peer.js" --answer "node chromium-peer.js"
//                   [--lenient-exit offer|answer|both] [--bench] [--bulk-bytes N] [--chunk C]
//                   [--bench-runs K] [--sessions basic,unordered,negotiated] [--log-dir DIR]
//
// A peer command is run by /bin/sh (so it may hold a path and its own flags); the harness appends the
// protocol flags (--role, --label, ...). --lenient-exit: a peer that crashes at teardown (exit 139 /
// SIGSEGV, a known libdatachannel behaviour, INTEROP.md) after a clean session is judged by its result
// lines: its exit check passes with a note.

const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const readline = require('readline');

// ---- options -----------------------------------------------------------------------------------------
function usage(msg) {
  process.stderr.write(`harness: ${msg}\nusage: node harness.js --offer CMD --answer CMD [--name PAIR] ` +
    '[--lenient-exit offer|answer|both] [--bench] [--bench-runs K] [--bulk-bytes N] [--chunk C] ' +
    '[--sessions LIST] [--log-dir DIR] [--quiet-bench]\n');
  process.exit(2);
}

function parseSize(s) {
  const m = /^([0-9]+)(KiB|MiB|GiB)?$/.exec(s || '');
  if (!m) usage(`bad size "${s}"`);
  return Number(m[1]) * ({ KiB: 1024, MiB: 1 << 20, GiB: 1 << 30 }[m[2]] || 1);
}

const opt = {
  name: 'pair', offer: null, answer: null, lenient: new Set(), bench: false, benchRuns: 5,
  bulkBytes: null, chunk: 64 * 1024, sessions: ['basic', 'unordered', 'negotiated'], logDir: null,
};
{
  const a = process.argv.slice(2);
  for (let i = 0; i < a.length; i++) {
    const v = () => { if (i + 1 >= a.length) usage(`${a[i]} needs a value`); return a[++i]; };
    switch (a[i]) {
      case '--name': opt.name = v(); break;
      case '--offer': opt.offer = v(); break;
      case '--answer': opt.answer = v(); break;
      case '--lenient-exit': {
        const w = v();
        if (!['offer', 'answer', 'both'].includes(w)) usage('--lenient-exit offer|answer|both');
        if (w !== 'answer') opt.lenient.add('offer');
        if (w !== 'offer') opt.lenient.add('answer');
        break;
      }
      case '--bench': opt.bench = true; break;
      case '--bench-runs': opt.benchRuns = Number(v()); if (!(opt.benchRuns >= 1)) usage('--bench-runs >= 1'); break;
      case '--bulk-bytes': opt.bulkBytes = parseSize(v()); break;
      case '--chunk': opt.chunk = parseSize(v()); break;
      case '--sessions': opt.sessions = v().split(',').filter(Boolean); break;
      case '--log-dir': opt.logDir = v(); break;
      default: usage(`unknown argument ${a[i]}`);
    }
  }
  if (!opt.offer || !opt.answer) usage('--offer and --answer are required');
  for (const s of opt.sessions) if (!['basic', 'unordered', 'negotiated'].includes(s)) usage(`unknown session ${s}`);
  if (opt.bulkBytes === null) opt.bulkBytes = opt.bench ? 32 << 20 : 8 << 20;
}
const logDir = opt.logDir || fs.mkdtempSync(path.join(os.tmpdir(), 'tern-peers-'));
fs.mkdirSync(logDir, { recursive: true });

// ---- results -----------------------------------------------------------------------------------------
let passed = 0, failed = 0;
function result(ok, name, details) {
  if (ok) passed++; else failed++;
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'} ${opt.name}/${name}${details ? ' ' + details : ''}\n`);
}

const W3C = {
  signaling: ['stable', 'have-local-offer', 'have-remote-offer', 'have-local-pranswer', 'have-remote-pranswer', 'closed'],
  gathering: ['new', 'gathering', 'complete'],
  ice: ['new', 'checking', 'connected', 'completed', 'disconnected', 'failed', 'closed'],
  connection: ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'],
};

// ---- a peer process ----------------------------------------------------------------------------------
function shq(s) { return /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : `'${String(s).replace(/'/g, `'\\''`)}'`; }

class Peer {
  constructor(role, cmd, args, tag) {
    this.role = role;
    this.events = [];       // {t, msg}
    this.nonJson = [];
    this.expectedErrors = new Set(); // error lines a check provoked on purpose
    this.listeners = new Set();
    this.exit = null;       // {code, signal}
    this.t0 = performance.now();
    const line = `exec ${cmd} ${args.map(shq).join(' ')}`;
    this.cmdline = line;
    this.transcript = fs.createWriteStream(path.join(logDir, `${tag}.${role}.jsonl`));
    const errFile = path.join(logDir, `${tag}.${role}.stderr`);
    this.errFile = errFile;
    const errFd = fs.openSync(errFile, 'w');
    // Own process group, so that a peer's own children (a browser) can be ended with it.
    this.child = spawn('/bin/sh', ['-c', line], { stdio: ['pipe', 'pipe', errFd], detached: true });
    fs.closeSync(errFd);
    this.child.stdin.on('error', () => {});
    livePeers.add(this);
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        livePeers.delete(this);
        this.exit = { code, signal, t: performance.now() };
        for (const l of this.listeners) l();
        resolve(this.exit);
      });
    });
    const rl = readline.createInterface({ input: this.child.stdout, crlfDelay: Infinity });
    rl.on('line', (l) => this.onLine(l));
  }

  onLine(l) {
    const stamp = (performance.now() - this.t0).toFixed(1).padStart(8);
    this.transcript.write(`${stamp} ${l.length > 2000 ? l.slice(0, 2000) + `...(${l.length} chars)` : l}\n`);
    let msg;
    try { msg = JSON.parse(l); } catch (e) { msg = null; }
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') { this.nonJson.push(l.slice(0, 200)); return; }
    this.events.push({ t: performance.now(), msg });
    if (this.onMessage) this.onMessage(msg);
    for (const l2 of [...this.listeners]) l2();
  }

  send(obj) {
    if (this.exit || this.child.stdin.destroyed) return;
    this.child.stdin.write(JSON.stringify(obj) + '\n');
  }

  // Resolves with fn(events from index `from`) once it returns a value other than undefined; rejects
  // after `ms` or when the peer exits first.
  until(from, fn, ms, what) {
    return new Promise((resolve, reject) => {
      let timer = null;
      const check = () => {
        let r;
        try { r = fn(this.events.slice(from).map((e) => e.msg), this.events.slice(from)); } catch (e) { r = undefined; }
        if (r !== undefined) { done(); resolve(r); return; }
        if (this.exit) { done(); reject(new Error(`${this.role} exited (code ${this.exit.code}, signal ${this.exit.signal}) while waiting for ${what}`)); }
      };
      const done = () => { clearTimeout(timer); this.listeners.delete(check); };
      timer = setTimeout(() => { done(); reject(new Error(`timeout ${ms} ms waiting for ${what} from ${this.role}`)); }, ms);
      this.listeners.add(check);
      check();
    });
  }

  // The first event from `from` on for which pred(msg) holds.
  waitFor(from, pred, ms, what) {
    return this.until(from, (msgs, evs) => { const i = msgs.findIndex(pred); return i >= 0 ? evs[i] : undefined; }, ms, what);
  }

  get mark() { return this.events.length; }
  messages(from, label) { return this.events.slice(from).map((e) => e.msg).filter((m) => m.type === 'message' && (!label || m.label === label)); }
  errors() { return this.events.map((e) => e.msg).filter((m) => m.type === 'error'); }

  kill() {
    if (this.exit) return;
    try { process.kill(-this.child.pid, 'SIGTERM'); } catch (e) { /* gone */ }
    setTimeout(() => { if (!this.exit) { try { process.kill(-this.child.pid, 'SIGKILL'); } catch (e) { /* gone */ } } }, 3000).unref();
  }

  stderrTail(n = 15) {
    try { return fs.readFileSync(this.errFile, 'utf8').trimEnd().split('\n').slice(-n).join('\n'); } catch (e) { return ''; }
  }
}

// ---- helpers -----------------------------------------------------------------------------------------
function maxMessageSize(sdp) {
  const m = /a=max-message-size:([0-9]+)/.exec(sdp || '');
  if (!m) return 65536;           // RFC 8841 §6.1: absent means 64 KiB
  const v = Number(m[1]);
  return v === 0 ? Infinity : v;  // RFC 8841 §6.1: 0 means no limit
}

const b64 = (buf) => buf.toString('base64');
const ms = (x) => `${x.toFixed(1)}ms`;
const mbps = (bytes, msec) => (bytes / 1e6) / (msec / 1000);

async function step(name, fn) {
  try {
    const r = await fn();
    if (r && r.ok === false) result(false, name, r.details);
    else result(true, name, r && r.details);
    return r;
  } catch (e) {
    result(false, name, e.message);
    return { ok: false };
  }
}

// One direction of a text message: sender -> receiver, with the echo coming back if expected.
async function textCheck(sender, receiver, label, text, echoBack) {
  const rFrom = receiver.mark, sFrom = sender.mark;
  sender.send({ type: 'send', label, text });
  await receiver.waitFor(rFrom, (m) => m.type === 'message' && m.label === label && m.text === text, 10000, `text ${JSON.stringify(text.slice(0, 20))}`);
  if (echoBack) await sender.waitFor(sFrom, (m) => m.type === 'message' && m.label === label && m.text === text, 10000, 'its echo');
  return { details: `${Buffer.byteLength(text)} bytes${echoBack ? ' + echo' : ''}` };
}

async function binaryCheck(sender, receiver, label, size) {
  const data = crypto.randomBytes(size);
  const want = b64(data);
  const rFrom = receiver.mark;
  sender.send({ type: 'send', label, base64: want });
  const ev = await receiver.waitFor(rFrom, (m) => m.type === 'message' && m.label === label && typeof m.base64 === 'string', 15000, `binary ${size} bytes`);
  if (ev.msg.base64 !== want) return { ok: false, details: `payload differs: got ${Buffer.from(ev.msg.base64, 'base64').length} bytes` };
  return { details: `${size} bytes` };
}

async function bulkCheck(sender, receiver, label, bytes, chunk) {
  const sFrom = sender.mark, rFrom = receiver.mark;
  sender.send({ type: 'send-bulk', label, bytes, chunk });
  const limit = 20000 + bytes / 1e3; // >= 1 MB/s, plus setup slack
  const [sent, done] = await Promise.all([
    sender.waitFor(sFrom, (m) => m.type === 'bulk-sent' && m.label === label, limit, 'bulk-sent'),
    receiver.waitFor(rFrom, (m) => m.type === 'bulk-done' && m.label === label, limit, 'bulk-done'),
  ]);
  const problems = [];
  if (sent.msg.bytes !== bytes) problems.push(`bulk-sent bytes ${sent.msg.bytes} != ${bytes}`);
  if (done.msg.bytes !== bytes) problems.push(`bulk-done bytes ${done.msg.bytes} != ${bytes}`);
  if (!(done.msg.ms > 0) || !(sent.msg.ms >= 0)) problems.push('missing ms');
  const rate = mbps(bytes, done.msg.ms);
  const details = `${(bytes / 1048576).toFixed(0)} MiB in ${chunk >= 1024 ? chunk / 1024 + ' KiB' : chunk + ' B'} chunks: ` +
    `receiver ${done.msg.ms.toFixed(0)} ms = ${rate.toFixed(1)} MB/s, sender drained ${sent.msg.ms.toFixed(0)} ms`;
  return { ok: problems.length === 0, details: problems.length ? problems.join('; ') : details, rate, recvMs: done.msg.ms };
}

function checkSide(s, who) {
  const p = [];
  if (!s.selectedPair || !s.selectedPair.local || !s.selectedPair.remote) return [`${who}: no selectedPair`];
  for (const end of ['local', 'remote']) {
    const c = s.selectedPair[end];
    if (typeof c.candidateType !== 'string' || !['host', 'srflx', 'prflx', 'relay'].includes(c.candidateType)) p.push(`${who}.${end}.candidateType=${c.candidateType}`);
    if (typeof c.address !== 'string' || !c.address) p.push(`${who}.${end}.address missing`);
    if (!Number.isInteger(c.port) || c.port <= 0 || c.port > 65535) p.push(`${who}.${end}.port=${c.port}`);
    if (!['udp', 'tcp'].includes(c.protocol)) p.push(`${who}.${end}.protocol=${c.protocol}`);
  }
  if (!(typeof s.bytesSent === 'number' && s.bytesSent > 0)) p.push(`${who}.bytesSent=${s.bytesSent}`);
  if (!(typeof s.bytesReceived === 'number' && s.bytesReceived > 0)) p.push(`${who}.bytesReceived=${s.bytesReceived}`);
  if (!(typeof s.currentRoundTripTime === 'number' && s.currentRoundTripTime >= 0)) p.push(`${who}.currentRoundTripTime=${s.currentRoundTripTime}`);
  return p;
}

const fmtCand = (c) => `${c.candidateType} ${c.protocol} ${c.address}:${c.port}`;

// ---- a session: two processes, one data channel ------------------------------------------------------
async function runSession(sessionName, flags, body, { quiet = false } = {}) {
  const tag = `${opt.name}.${sessionName}`;
  const label = flags.label;
  const common = ['--label', label, ...flags.extra, '--timeout', String(flags.timeout || 60)];
  const offer = new Peer('offer', opt.offer, ['--role', 'offer', ...common], tag);
  const answer = new Peer('answer', opt.answer, ['--role', 'answer', '--echo', ...common], tag);
  const peers = [offer, answer];
  const sig = { offer: { sdp: null, cands: 0, eoc: false, badCands: [] }, answer: { sdp: null, cands: 0, eoc: false, badCands: [] } };
  const relay = (from, to) => (m) => {
    if (m.type === 'offer' || m.type === 'answer') { sig[from.role].sdp = m.sdp; sig[from.role].type = m.type; to.send(m); }
    else if (m.type === 'candidate') {
      sig[from.role].cands++;
      if (typeof m.candidate !== 'string' || !(m.candidate === '' || m.candidate.startsWith('candidate:')) ||
        typeof m.sdpMid !== 'string' || !Number.isInteger(m.sdpMLineIndex)) sig[from.role].badCands.push(JSON.stringify(m).slice(0, 120));
      to.send(m);
    } else if (m.type === 'end-of-candidates') { sig[from.role].eoc = true; to.send(m); }
  };
  offer.onMessage = relay(offer, answer);
  answer.onMessage = relay(answer, offer);
  const name = (n) => `${sessionName}.${n}`;
  const out = { setupMs: null };
  let aborted = false;
  const failedBefore = failed;
  const hardStop = setTimeout(() => { aborted = true; for (const p of peers) p.kill(); }, (flags.hardLimit || 120) * 1000);

  try {
    // ready: the first line of each peer.
    const ready = await step(name('ready'), async () => {
      const evs = await Promise.all(peers.map((p) => p.waitFor(0, (m) => m.type === 'ready', 30000, 'ready')));
      const notFirst = peers.filter((p) => p.events[0].msg.type !== 'ready').map((p) => p.role);
      out.readyAt = Math.max(...evs.map((e) => e.t));
      return notFirst.length ? { ok: false, details: `ready is not the first line of ${notFirst}` } : { details: `after ${evs.map((e) => ms(e.t - offer.t0)).join(' / ')}` };
    });
    if (ready.ok === false) return out;

    const opened = await step(name('channel-open'), async () => {
      const evs = await Promise.all(peers.map((p) => p.waitFor(0, (m) => m.type === 'channel-open', 20000, 'channel-open')));
      const bad = evs.filter((e) => e.msg.label !== label).map((e) => e.msg.label);
      out.setupMs = Math.max(...evs.map((e) => e.t)) - out.readyAt;
      if (bad.length) return { ok: false, details: `wrong label(s) ${bad.join(',')}, want ${label}` };
      return { details: `label=${label} setup=${ms(out.setupMs)} (both ready -> both open)` };
    });
    if (opened.ok === false) return out;
    if (quiet) { await body(offer, answer, label, out); return out; }

    await step(name('signaling'), async () => {
      const p = [];
      if (sig.offer.type !== 'offer' || !/^v=0\r?\n/.test(sig.offer.sdp || '')) p.push('offerer sent no offer SDP');
      if (sig.answer.type !== 'answer' || !/^v=0\r?\n/.test(sig.answer.sdp || '')) p.push('answerer sent no answer SDP');
      for (const r of ['offer', 'answer']) {
        if (sig[r].badCands.length) p.push(`${r}: malformed candidate line ${sig[r].badCands[0]}`);
        if (flags.trickle) {
          if (!sig[r].eoc) p.push(`${r}: no end-of-candidates`);
        } else {
          if (sig[r].cands) p.push(`${r}: ${sig[r].cands} candidate lines despite --no-trickle`);
          if (!/\r?\na=candidate:/.test(sig[r].sdp || '')) p.push(`${r}: --no-trickle SDP carries no a=candidate`);
        }
      }
      return p.length ? { ok: false, details: p.join('; ') } : { details: flags.trickle ? `trickle: ${sig.offer.cands}+${sig.answer.cands} candidates, end-of-candidates both` : 'no-trickle: candidates in SDP only' };
    });

    await step(name('states'), async () => {
      const p = [];
      for (const peer of peers) {
        await peer.waitFor(0, (m) => m.type === 'state' && m.name === 'connection' && m.value === 'connected', 5000, 'connection=connected').catch((e) => p.push(e.message));
        for (const e of peer.events) {
          const m = e.msg;
          if (m.type !== 'state') continue;
          if (!W3C[m.name]) p.push(`${peer.role}: unknown state name ${m.name}`);
          else if (!W3C[m.name].includes(m.value)) p.push(`${peer.role}: ${m.name}=${m.value} is not a W3C state`);
        }
        const last = (n) => [...peer.events].reverse().find((e) => e.msg.type === 'state' && e.msg.name === n);
        const s = last('signaling');
        if (!s || s.msg.value !== 'stable') p.push(`${peer.role}: signaling ends ${s ? s.msg.value : 'unreported'}`);
        const ice = last('ice');
        if (!ice || !['connected', 'completed'].includes(ice.msg.value)) p.push(`${peer.role}: ice ${ice ? ice.msg.value : 'unreported'}`);
      }
      return p.length ? { ok: false, details: p.join('; ') } : { details: 'W3C names; connected; signaling stable' };
    });

    await body(offer, answer, label, out, name, sig);

    // Close: the offerer is told to close; the answerer must see the peer's clean close and exit 0.
    await step(name('close'), async () => {
      const aFrom = answer.mark;
      offer.send({ type: 'close' });
      const p = [];
      const oe = await Promise.race([offer.exited, new Promise((r) => setTimeout(r, 15000))]);
      if (!oe) p.push('offerer did not exit within 15 s of close');
      await answer.waitFor(aFrom, (m) => m.type === 'channel-close' && m.label === label, 15000, 'channel-close').catch((e) => p.push(e.message));
      const ae = await Promise.race([answer.exited, new Promise((r) => setTimeout(r, 15000))]);
      if (!ae) { p.push('answerer did not exit within 15 s of the peer closing'); answer.send({ type: 'close' }); }
      return p.length ? { ok: false, details: p.join('; ') } : { details: 'offerer closed; answerer saw channel-close and exited' };
    });
    await Promise.race([Promise.all(peers.map((p) => p.exited)), new Promise((r) => setTimeout(r, 10000))]);
    for (const peer of peers) {
      await step(name(`exit-${peer.role}`), async () => {
        const e = peer.exit;
        if (!e) return { ok: false, details: 'still running' };
        if (e.code === 0) return { details: 'exit 0' };
        const crashed = e.code === 139 || e.signal === 'SIGSEGV';
        if (crashed && opt.lenient.has(peer.role) && failed === failedBefore) return { details: `exit ${e.code ?? e.signal} at teardown, tolerated (judged by its result lines)` };
        return { ok: false, details: `exit code ${e.code} signal ${e.signal}` };
      });
    }
    await step(name('protocol-hygiene'), async () => {
      const p = [];
      for (const peer of peers) {
        if (peer.nonJson.length) p.push(`${peer.role}: ${peer.nonJson.length} non-JSON stdout line(s), first: ${peer.nonJson[0]}`);
        const fatal = peer.errors().filter((m) => m.fatal);
        if (fatal.length) p.push(`${peer.role}: fatal error ${fatal[0].message}`);
        const unexpected = peer.errors().filter((m) => !m.fatal && !peer.expectedErrors.has(m));
        if (unexpected.length) p.push(`${peer.role}: unexpected error ${unexpected[0].message}`);
      }
      return p.length ? { ok: false, details: p.join('; ') } : { details: 'stdout is JSON lines only; no unexpected errors' };
    });
  } finally {
    clearTimeout(hardStop);
    if (aborted) result(false, name('hard-limit'), 'session exceeded its hard time limit; peers killed');
    for (const p of peers) p.kill();
    await Promise.race([Promise.all(peers.map((p) => p.exited)), new Promise((r) => setTimeout(r, 5000))]);
    // Whatever a peer left behind in its process group (a browser after a hard exit) goes too.
    for (const p of peers) { try { process.kill(-p.child.pid, 'SIGKILL'); } catch (e) { /* group is empty */ } }
    if (!quiet && peers.some((p) => p.exit === null || (p.exit.code !== 0 && !opt.lenient.has(p.role)))) {
      for (const p of peers) process.stdout.write(`  [${p.role} stderr tail: ${p.errFile}]\n${p.stderrTail().replace(/^/gm, '    ')}\n`);
    }
  }
  return out;
}

// ---- the sessions ------------------------------------------------------------------------------------
async function basicBody(offer, answer, label, out, name, sig) {
  await step(name('text-offer-to-answer'), () => textCheck(offer, answer, label, `hello from the offerer ${crypto.randomBytes(4).toString('hex')}`, true));
  await step(name('text-answer-to-offer'), () => textCheck(answer, offer, label, `hello from the answerer ${crypto.randomBytes(4).toString('hex')}`, false));
  await step(name('text-unicode'), () => textCheck(offer, answer, label, 'h\u00e9llo w\u00f6rld \u2713 \u{1F30D} \u4f60\u597d', true));
  await step(name('text-empty'), () => textCheck(offer, answer, label, '', true));

  const oBin0 = offer.messages(0, label).filter((m) => 'base64' in m).length;
  await step(name('binary-offer-to-answer'), () => binaryCheck(offer, answer, label, 1200));
  await step(name('binary-answer-to-offer'), () => binaryCheck(answer, offer, label, 1200));
  await step(name('binary-not-echoed'), async () => {
    await new Promise((r) => setTimeout(r, 200));
    const n = offer.messages(0, label).filter((m) => 'base64' in m).length - oBin0;
    return n === 1 ? { details: 'offerer got exactly the one binary message sent to it' } : { ok: false, details: `offerer got ${n} binary messages, want 1` };
  });

  // RFC 8841: a peer may send messages up to the size its remote advertised in a=max-message-size.
  const limits = { offer: maxMessageSize(sig.offer.sdp), answer: maxMessageSize(sig.answer.sdp) };
  for (const [s, r] of [[offer, answer], [answer, offer]]) {
    const fits = Math.min(1 << 20, limits[r.role], limits[s.role]);
    await step(name(`max-message-${s.role}-to-${r.role}`), async () => {
      const res = await binaryCheck(s, r, label, fits);
      return res.ok === false ? res : { details: `${fits} bytes (advertised: ${s.role} ${limits[s.role]}, ${r.role} ${limits[r.role]})` };
    });
  }
  await step(name('message-1MiB'), async () => {
    const size = 1 << 20;
    if (size <= limits.answer) {
      const res = await binaryCheck(offer, answer, label, size);
      return res.ok === false ? res : { details: '1 MiB offer -> answer delivered intact' };
    }
    // Over the answerer's limit: the sender must refuse it (a non-fatal error), deliver no part of it,
    // and the channel must keep working.
    const oFrom = offer.mark, aFrom = answer.mark;
    offer.send({ type: 'send', label, base64: b64(crypto.randomBytes(size)) });
    const err = await offer.waitFor(oFrom, (m) => m.type === 'error', 10000, 'a non-fatal error for the oversized message');
    offer.expectedErrors.add(err.msg);
    if (err.msg.fatal !== false) return { ok: false, details: `error is fatal: ${err.msg.message}` };
    await textCheck(offer, answer, label, 'after-oversize', true);
    const leaked = answer.messages(aFrom, label).filter((m) => 'base64' in m);
    if (leaked.length) return { ok: false, details: `receiver got ${leaked.length} binary message(s) from the refused send` };
    return { details: `answerer advertises ${limits.answer}: 1 MiB refused by the offerer ("${err.msg.message.slice(0, 60)}"), channel still works` };
  });

  await step(name('ordered'), async () => {
    const n = 200, aFrom = answer.mark, oFrom = offer.mark;
    for (let i = 0; i < n; i++) offer.send({ type: 'send', label, text: `ord-${i}` });
    const seq = (msgs) => { const s = msgs.filter((m) => m.type === 'message' && typeof m.text === 'string' && m.text.startsWith('ord-')); return s.length >= n ? s.map((m) => Number(m.text.slice(4))) : undefined; };
    const got = await answer.until(aFrom, seq, 15000, `${n} ordered messages`);
    const echoed = await offer.until(oFrom, seq, 15000, `${n} echoed messages`);
    const inOrder = (a) => a.length === n && a.every((v, i) => v === i);
    if (!inOrder(got)) return { ok: false, details: `answerer order broken: ${got.slice(0, 10)}...` };
    if (!inOrder(echoed)) return { ok: false, details: `echo order broken: ${echoed.slice(0, 10)}...` };
    return { details: `${n} messages in order, and their echoes` };
  });

  const up = await step(name('bulk-offer-to-answer'), () => bulkCheck(offer, answer, label, opt.bulkBytes, opt.chunk));
  const down = await step(name('bulk-answer-to-offer'), () => bulkCheck(answer, offer, label, opt.bulkBytes, opt.chunk));
  out.rateUp = up && up.rate; out.rateDown = down && down.rate;

  await step(name('stats'), async () => {
    const st = {};
    for (const p of [offer, answer]) {
      const from = p.mark;
      p.send({ type: 'get-stats' });
      st[p.role] = (await p.waitFor(from, (m) => m.type === 'stats', 10000, 'stats')).msg;
    }
    const p = [...checkSide(st.offer, 'offer'), ...checkSide(st.answer, 'answer')];
    if (p.length) return { ok: false, details: p.join('; ') };
    const o = st.offer.selectedPair, a = st.answer.selectedPair;
    const same = (x, y) => x.address === y.address && x.port === y.port;
    const consistent = same(o.local, a.remote) && same(o.remote, a.local);
    out.stats = st;
    return { details: `offer ${fmtCand(o.local)} <-> ${fmtCand(o.remote)}; rtt ${st.offer.currentRoundTripTime}s/${st.answer.currentRoundTripTime}s` +
      (consistent ? '; both sides agree on the pair' : `; answer sees ${fmtCand(a.local)} <-> ${fmtCand(a.remote)}`) +
      (st.offer.dtls ? `; offer dtls ${JSON.stringify(st.offer.dtls)}` : '') + (st.answer.dtls ? `; answer dtls ${JSON.stringify(st.answer.dtls)}` : '') };
  });
}

async function unorderedBody(offer, answer, label, out, name) {
  await step(name('unordered-all-arrive'), async () => {
    const n = 200, aFrom = answer.mark;
    for (let i = 0; i < n; i++) offer.send({ type: 'send', label, text: `u-${i}` });
    const got = await answer.until(aFrom, (msgs) => { const s = msgs.filter((m) => m.type === 'message' && typeof m.text === 'string' && m.text.startsWith('u-')); return s.length >= n ? s.map((m) => Number(m.text.slice(2))) : undefined; }, 15000, `${n} unordered messages`);
    const set = new Set(got);
    const outOfOrder = got.filter((v, i) => i > 0 && v < got[i - 1]).length;
    return set.size === n && got.length === n ? { details: `${n}/${n} delivered, ${outOfOrder} out of order` } : { ok: false, details: `${set.size} distinct of ${n}, ${got.length} received` };
  });
  await step(name('text-both-ways'), async () => {
    await textCheck(offer, answer, label, 'unordered ping', true);
    await textCheck(answer, offer, label, 'unordered pong', false);
    return { details: 'offer->answer (+echo), answer->offer' };
  });
  await step(name('binary-both-ways'), async () => {
    const a = await binaryCheck(offer, answer, label, 4000);
    if (a.ok === false) return a;
    return binaryCheck(answer, offer, label, 4000);
  });
}

async function negotiatedBody(offer, answer, label, out, name) {
  await step(name('text-both-ways'), async () => {
    await textCheck(offer, answer, label, 'negotiated ping', true);
    await textCheck(answer, offer, label, 'negotiated pong', false);
    return { details: 'offer->answer (+echo), answer->offer' };
  });
  await step(name('binary-both-ways'), async () => {
    const a = await binaryCheck(offer, answer, label, 2000);
    if (a.ok === false) return a;
    return binaryCheck(answer, offer, label, 2000);
  });
}

const SESSIONS = {
  basic: { flags: { label: 'dc', extra: [], trickle: true, hardLimit: 150, timeout: 140 }, body: basicBody },
  unordered: { flags: { label: 'unord', extra: ['--unordered', '--max-packet-life-time', '5000', '--no-trickle'], trickle: false }, body: unorderedBody },
  negotiated: { flags: { label: 'neg', extra: ['--negotiated-id', '7', '--max-retransmits', '3'], trickle: true }, body: negotiatedBody },
};

async function bench() {
  const setups = [];
  for (let i = 0; i < opt.benchRuns; i++) {
    const o = await runSession(`bench-setup-${i + 1}`, { label: 'bench', extra: [], trickle: true, timeout: 30, hardLimit: 40 },
      async (offer) => { offer.send({ type: 'close' }); }, { quiet: true });
    if (o.setupMs !== null) setups.push(o.setupMs);
  }
  const rates = [];
  await runSession('bench-bulk', { label: 'bench', extra: [], trickle: true, timeout: 150, hardLimit: 160 }, async (offer, answer, label) => {
    for (let i = 0; i < 3; i++) {
      const r = await step(`bench-bulk.transfer-${i + 1}`, () => bulkCheck(offer, answer, label, opt.bulkBytes, opt.chunk));
      if (!r || r.ok === false) break;
      rates.push(r.rate);
    }
    offer.send({ type: 'close' });
  }, { quiet: true });
  rates.sort((a, b) => a - b);
  const rate = rates.length ? rates[Math.floor(rates.length / 2)] : null;
  setups.sort((a, b) => a - b);
  const median = setups.length ? setups[Math.floor(setups.length / 2)] : NaN;
  process.stdout.write(`BENCH ${opt.name} setup_ms median=${median.toFixed(1)} min=${(setups[0] ?? NaN).toFixed(1)} ` +
    `max=${(setups[setups.length - 1] ?? NaN).toFixed(1)} runs=${setups.length} | throughput median=${rate === null ? 'n/a' : rate.toFixed(1)} ` +
    `best=${rates.length ? rates[rates.length - 1].toFixed(1) : 'n/a'} MB/s runs=${rates.length} ` +
    `(${(opt.bulkBytes / 1048576).toFixed(0)} MiB in ${opt.chunk / 1024} KiB messages, offerer -> answerer)\n`);
}

// Killed from outside (e.g. by `timeout`): end the peers we started (each in its own process group).
const livePeers = new Set();
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(sig, () => {
    for (const p of livePeers) { try { process.kill(-p.child.pid, 'SIGKILL'); } catch (e) { /* gone */ } }
    process.stdout.write(`FAIL ${opt.name}/harness killed by ${sig}\n`);
    process.exit(1);
  });
}

(async () => {
  const t0 = performance.now();
  if (opt.bench) await bench();
  else for (const s of opt.sessions) await runSession(s, SESSIONS[s].flags, SESSIONS[s].body);
  process.stdout.write(`harness ${opt.name}: ${passed} passed, ${failed} failed (${((performance.now() - t0) / 1000).toFixed(1)} s, logs in ${logDir})\n`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { process.stdout.write(`FAIL ${opt.name}/harness ${e.stack}\n`); process.exit(1); });
