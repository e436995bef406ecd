'use strict';
// Shared plumbing for the stdio peers (ldc-peer.js, chromium-peer.js): flag parsing, ICE server URL
// parsing, JSON-lines I/O on stdin/stdout, --timeout and exit handling. The protocol itself is
// specified in PROTOCOL.md; this file is the reference reading of its flag and framing rules.

const readline = require('readline');

const USAGE =
  'usage: PEER --role offer|answer [--label NAME] [--unordered] [--max-retransmits N | ' +
  '--max-packet-life-time MS] [--negotiated-id N] [--echo] [--no-trickle] [--bind ADDR] ' +
  '[--port-range A-B] [--ice-server URL]... [--relay-only] [--keylog FILE] [--timeout S]';

class UsageError extends Error {}

function parseUint(flag, s, max) {
  if (!/^[0-9]+$/.test(s || '')) throw new UsageError(`${flag} needs a non-negative integer, got "${s}"`);
  const n = Number(s);
  if (n > max) throw new UsageError(`${flag} must be at most ${max}`);
  return n;
}

// Parses `turn:USER:PASS@HOST:PORT?transport=udp|tcp`, `turns:...`, `stun:HOST:PORT` (user and
// password percent-encoded). Returns {scheme, host, port, username, password, transport}.
function parseIceServer(url) {
  const m = /^(stun|stuns|turn|turns):(?:([^:@]*):([^@]*)@)?(\[[0-9a-fA-F:.]+\]|[^:?\[\]]+)(?::([0-9]+))?(?:\?transport=(udp|tcp))?$/.exec(url);
  if (!m) throw new UsageError(`--ice-server: cannot parse "${url}"`);
  const scheme = m[1];
  let username, password;
  try {
    username = m[2] === undefined ? undefined : decodeURIComponent(m[2]);
    password = m[3] === undefined ? undefined : decodeURIComponent(m[3]);
  } catch (e) {
    throw new UsageError(`--ice-server: bad percent-encoding in "${url}"`);
  }
  if (scheme.startsWith('turn') && (username === undefined || password === undefined))
    throw new UsageError(`--ice-server: ${scheme} needs USER:PASS@ in "${url}"`);
  const secure = scheme.endsWith('s');
  const port = m[5] ? parseUint('--ice-server port', m[5], 65535) : (secure ? 5349 : 3478);
  const host = m[4].replace(/^\[|\]$/g, '');
  return { scheme, host, port, username, password, transport: m[6] || (secure ? 'tcp' : 'udp') };
}

// Returns the parsed options, or throws UsageError.
function parseFlags(argv) {
  const o = {
    role: null, label: 'dc', unordered: false, maxRetransmits: null, maxPacketLifeTime: null,
    negotiatedId: null, echo: false, trickle: true, bind: null, portRange: null, iceServers: [],
    relayOnly: false, keylog: null, timeout: null,
  };
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let inline = null;
    const eq = flag.indexOf('=');
    if (flag.startsWith('--') && eq > 0) { inline = flag.slice(eq + 1); flag = flag.slice(0, eq); }
    const value = () => {
      if (inline !== null) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      return argv[++i];
    };
    const noValue = () => { if (inline !== null) throw new UsageError(`${flag} takes no value`); };
    switch (flag) {
      case '--role': o.role = value(); if (o.role !== 'offer' && o.role !== 'answer') throw new UsageError('--role must be offer or answer'); break;
      case '--label': o.label = value(); break;
      case '--unordered': noValue(); o.unordered = true; break;
      case '--max-retransmits': o.maxRetransmits = parseUint(flag, value(), 65535); break;
      case '--max-packet-life-time': o.maxPacketLifeTime = parseUint(flag, value(), 65535); break;
      case '--negotiated-id': o.negotiatedId = parseUint(flag, value(), 65534); break;
      case '--echo': noValue(); o.echo = true; break;
      case '--no-trickle': noValue(); o.trickle = false; break;
      case '--bind': o.bind = value(); break;
      case '--port-range': {
        const v = value();
        const m = /^([0-9]+)-([0-9]+)$/.exec(v);
        if (!m) throw new UsageError('--port-range needs A-B');
        const a = parseUint(flag, m[1], 65535), b = parseUint(flag, m[2], 65535);
        if (a < 1 || a > b) throw new UsageError('--port-range needs 1 <= A <= B');
        o.portRange = [a, b];
        break;
      }
      case '--ice-server': o.iceServers.push(parseIceServer(value())); break;
      case '--relay-only': noValue(); o.relayOnly = true; break;
      case '--keylog': o.keylog = value(); break;
      case '--timeout': {
        const v = value();
        if (!/^[0-9]+(\.[0-9]+)?$/.test(v) || Number(v) <= 0) throw new UsageError('--timeout needs a positive number of seconds');
        o.timeout = Number(v);
        break;
      }
      default: throw new UsageError(`unknown flag ${argv[i]}`);
    }
  }
  if (!o.role) throw new UsageError('--role is required');
  if (o.maxRetransmits !== null && o.maxPacketLifeTime !== null)
    throw new UsageError('--max-retransmits and --max-packet-life-time are exclusive');
  return o;
}

// Parses the flags or prints the usage line and exits with code 2.
function parseFlagsOrExit(argv, name) {
  try {
    return parseFlags(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${name}: ${e.message}\n${USAGE.replace('PEER', name)}\n`);
    process.exit(2);
  }
}

// Writes one protocol line on stdout. Stdout carries protocol lines only; diagnostics go to stderr.
function emit(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function log(name, ...args) {
  process.stderr.write(`[${name} ${new Date().toISOString().slice(11, 23)}] ${args.join(' ')}\n`);
}

// Reads JSON lines from stdin and calls onMessage(obj) for each, onEnd() at EOF. A line that is not
// a JSON object is reported as a non-fatal error.
function readInput(onMessage, onEnd) {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on('line', (line) => {
    if (!line.trim()) return;
    let obj;
    try { obj = JSON.parse(line); } catch (e) { obj = null; }
    if (!obj || typeof obj !== 'object' || typeof obj.type !== 'string') {
      emit({ type: 'error', message: `input is not a protocol object: ${line.slice(0, 80)}`, fatal: false });
      return;
    }
    onMessage(obj);
  });
  rl.on('close', onEnd);
}

// sdpMLineIndex of `mid` in `sdp` (the order of its m= sections), 0 if not found.
function mlineIndexOf(sdp, mid) {
  let index = -1;
  for (const line of (sdp || '').split(/\r?\n/)) {
    if (line.startsWith('m=')) index++;
    else if (line === `a=mid:${mid}`) return Math.max(index, 0);
  }
  return 0;
}

// Tracks an incoming bulk transfer (`bulk-start N` then N bytes of binary). Returns a handler
// object: start(n) on the text message, add(len) per binary message -> result {bytes, ms} when done.
class BulkReceiver {
  constructor() { this.expected = null; }
  get active() { return this.expected !== null; }
  start(n) { this.expected = n; this.got = 0; this.t0 = process.hrtime.bigint(); if (n === 0) return this.finish(); return null; }
  add(len) {
    this.got += len;
    return this.got >= this.expected ? this.finish() : null;
  }
  finish() {
    const ms = Number(process.hrtime.bigint() - this.t0) / 1e6;
    const r = { bytes: this.got, ms: Math.round(ms * 1000) / 1000 };
    this.expected = null;
    return r;
  }
}

// `bulk-start N` parser: returns N or null.
function parseBulkStart(text) {
  const m = /^bulk-start ([0-9]+)$/.exec(text);
  return m ? Number(m[1]) : null;
}

module.exports = { USAGE, UsageError, parseFlags, parseFlagsOrExit, parseIceServer, emit, log, readInput, mlineIndexOf, BulkReceiver, parseBulkStart };
