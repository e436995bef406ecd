#!/usr/bin/env node
'use strict';
// libdatachannel (npm node-datachannel) as a stdio peer: the protocol in PROTOCOL.md, JSON lines on
// stdin/stdout. It is the baseline peer the harness pairs everything with.

const common = require('./stdio-common');
const { emit } = common;

const NAME = 'ldc-peer';
const opts = common.parseFlagsOrExit(process.argv.slice(2), NAME);
const ndc = require('node-datachannel');
const log = (...a) => { if (process.env.TERN_PEER_DEBUG) common.log(NAME, ...a); };

// Backpressure for bulk sends: queue while below HIGH, resume when the buffered amount falls to LOW.
const BULK_HIGH = 4 * 1024 * 1024;
const BULK_LOW = 1024 * 1024;

let exiting = false;
let pc = null;
const channels = new Map(); // label -> {dc, open, closed}
const bulk = new common.BulkReceiver();
let bulkSending = false;

function finish(code, reason) {
  if (exiting) return;
  exiting = true;
  log('exit', code, reason || '');
  for (const [label, ch] of channels) {
    if (ch.open && !ch.closed) { ch.closed = true; emit({ type: 'channel-close', label }); }
    try { ch.dc.close(); } catch (e) { /* already closed */ }
  }
  try { if (pc) pc.close(); } catch (e) { /* already closed */ }
  // Give libdatachannel a moment to send its close (DTLS close_notify), then tear down.
  setTimeout(() => {
    try { ndc.cleanup(); } catch (e) { /* ignore */ }
    process.exit(code);
  }, 50);
}

function fatal(message, code = 1) {
  emit({ type: 'error', message, fatal: true });
  finish(code, message);
}

function nonFatal(message) {
  emit({ type: 'error', message, fatal: false });
}

function iceServerConfig(s) {
  if (s.scheme.startsWith('stun')) return `stun:${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`;
  const relayType = s.scheme === 'turns' ? 'TurnTls' : (s.transport === 'tcp' ? 'TurnTcp' : 'TurnUdp');
  return { hostname: s.host, port: s.port, username: s.username, password: s.password, relayType };
}

const config = {
  iceServers: opts.iceServers.map(iceServerConfig),
  // INTEROP.md: without an explicit bind address libdatachannel gathers no loopback candidates.
  bindAddress: opts.bind || '127.0.0.1',
  iceTransportPolicy: opts.relayOnly ? 'relay' : 'all',
};
if (opts.portRange) { config.portRangeBegin = opts.portRange[0]; config.portRangeEnd = opts.portRange[1]; }

function channelInit() {
  const init = {};
  if (opts.unordered) init.unordered = true;
  if (opts.maxRetransmits !== null) init.maxRetransmits = opts.maxRetransmits;
  if (opts.maxPacketLifeTime !== null) init.maxPacketLifeTime = opts.maxPacketLifeTime;
  if (opts.negotiatedId !== null) { init.negotiated = true; init.id = opts.negotiatedId; }
  return init;
}

// ---- signaling out: description first, then candidates, then end-of-candidates --------------------
// node-datachannel delivers its callbacks through separate queues, so the gathering-complete event can
// overtake the description and candidate callbacks. Everything is funnelled through here in order.
let descSent = false;
const sentCandidates = new Set();
const pendingLocalCandidates = [];
let eocSent = false;

function stripA(c) { return c.startsWith('a=') ? c.slice(2) : c; }

function sendDescription(sdp, type) {
  if (descSent) return;
  descSent = true;
  emit({ type: String(type).toLowerCase(), sdp });
  for (const c of pendingLocalCandidates.splice(0)) sendCandidate(c.candidate, c.mid);
}

function sendCandidate(candidate, mid) {
  candidate = stripA(candidate.trim());
  if (!opts.trickle || eocSent || sentCandidates.has(candidate)) return;
  if (!descSent) { pendingLocalCandidates.push({ candidate, mid }); return; }
  sentCandidates.add(candidate);
  const ld = pc.localDescription();
  emit({ type: 'candidate', candidate, sdpMid: mid, sdpMLineIndex: common.mlineIndexOf(ld && ld.sdp, mid) });
}

function gatheringComplete() {
  const ld = pc.localDescription();
  if (!ld) return;
  if (!descSent) sendDescription(ld.sdp, ld.type);
  if (!opts.trickle || eocSent) return;
  // Candidates whose callback has not run yet are in the local description already.
  let mid = '0';
  for (const line of ld.sdp.split(/\r?\n/)) {
    if (line.startsWith('a=mid:')) mid = line.slice(6);
    else if (line.startsWith('a=candidate:')) sendCandidate(line, mid);
  }
  eocSent = true;
  emit({ type: 'end-of-candidates' });
}

// ---- data channels -----------------------------------------------------------------------------------
function setupChannel(dc) {
  const label = dc.getLabel();
  const ch = { dc, open: false, closed: false };
  channels.set(label, ch);
  const onOpen = () => {
    if (ch.open) return;
    ch.open = true;
    emit({ type: 'channel-open', label });
  };
  dc.onOpen(onOpen);
  dc.onClosed(() => {
    if (ch.closed || exiting) return;
    ch.closed = true;
    emit({ type: 'channel-close', label });
    // The remote closed our channel: a clean close by the peer.
    finish(0, 'channel closed by peer');
  });
  dc.onError((err) => nonFatal(`channel ${label}: ${err}`));
  dc.onMessage((msg) => {
    if (typeof msg === 'string') {
      const n = common.parseBulkStart(msg);
      if (n !== null) {
        const done = bulk.start(n);
        if (done) emit({ type: 'bulk-done', label, ...done });
      }
      emit({ type: 'message', label, text: msg });
      if (opts.echo && n === null) trySend(ch, msg);
      return;
    }
    const buf = Buffer.isBuffer(msg) ? msg : Buffer.from(msg);
    if (bulk.active) {
      const done = bulk.add(buf.length);
      if (done) emit({ type: 'bulk-done', label, ...done });
      return;
    }
    emit({ type: 'message', label, base64: buf.toString('base64') });
  });
  if (dc.isOpen()) onOpen();
}

function trySend(ch, data) {
  try {
    if (typeof data === 'string') ch.dc.sendMessage(data);
    else ch.dc.sendMessageBinary(data);
    return true;
  } catch (e) {
    nonFatal(`send on ${ch.dc.getLabel()} failed: ${e.message}`);
    return false;
  }
}

function openChannel(label) {
  const ch = channels.get(label);
  if (!ch || !ch.open || ch.closed) { nonFatal(`no open channel labelled "${label}"`); return null; }
  return ch;
}

function sendBulk(ch, label, total, chunk) {
  if (bulkSending) { nonFatal('a bulk send is already running'); return; }
  if (!Number.isInteger(total) || total < 0 || !Number.isInteger(chunk) || chunk <= 0) {
    nonFatal('send-bulk needs integer bytes >= 0 and chunk > 0');
    return;
  }
  bulkSending = true;
  const payload = Buffer.alloc(chunk, 0x5a);
  const t0 = process.hrtime.bigint();
  let sent = 0;
  const dc = ch.dc;
  if (!trySend(ch, `bulk-start ${total}`)) { bulkSending = false; return; }
  const done = () => {
    bulkSending = false;
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    emit({ type: 'bulk-sent', label, bytes: sent, ms: Math.round(ms * 1000) / 1000 });
  };
  const waitDrain = () => {
    if (exiting) return;
    if (dc.bufferedAmount() === 0) { done(); return; }
    setTimeout(waitDrain, 1);
  };
  const pump = () => {
    if (exiting || ch.closed) return;
    while (sent < total && dc.bufferedAmount() < BULK_HIGH) {
      const n = Math.min(chunk, total - sent);
      if (!trySend(ch, n === chunk ? payload : payload.subarray(0, n))) { bulkSending = false; return; }
      sent += n;
    }
    if (sent >= total) { waitDrain(); return; }
    // Resume on the low-water callback, with a timer as a safety net.
    setTimeout(pump, 5);
  };
  dc.setBufferedAmountLowThreshold(BULK_LOW);
  dc.onBufferedAmountLow(() => { if (bulkSending && sent < total) setImmediate(pump); });
  pump();
}

function stats() {
  const out = { type: 'stats' };
  const pair = pc.getSelectedCandidatePair();
  if (pair) {
    const side = (c) => ({ candidateType: c.type, address: c.address, port: c.port, protocol: String(c.transportType).toLowerCase() });
    out.selectedPair = { local: side(pair.local), remote: side(pair.remote) };
  }
  out.bytesSent = pc.bytesSent();
  out.bytesReceived = pc.bytesReceived();
  const rtt = pc.rtt();
  // libdatachannel reports milliseconds; W3C currentRoundTripTime is in seconds.
  out.currentRoundTripTime = typeof rtt === 'number' && rtt >= 0 ? rtt / 1000 : null;
  out.connectionState = pc.state();
  out.iceConnectionState = pc.iceState();
  out.dataChannels = [...channels].map(([label, ch]) => ({
    label, state: ch.closed ? 'closed' : (ch.open ? 'open' : 'connecting'),
    bufferedAmount: ch.open && !ch.closed ? ch.dc.bufferedAmount() : 0,
  }));
  out.maxMessageSize = pc.maxMessageSize();
  out.implementation = `libdatachannel ${ndc.getLibraryVersion ? ndc.getLibraryVersion() : ''}`.trim();
  emit(out);
}

// ---- input -------------------------------------------------------------------------------------------
const pendingRemoteCandidates = [];
let remoteSet = false;

function addRemoteCandidate(c) {
  if (!c.candidate) return; // "" is the W3C end-of-candidates; libdatachannel needs no signal for it.
  try {
    pc.addRemoteCandidate(c.candidate, c.sdpMid !== undefined && c.sdpMid !== null ? String(c.sdpMid) : '0');
  } catch (e) {
    nonFatal(`remote candidate rejected: ${e.message}`);
  }
}

function handleInput(m) {
  if (exiting) return;
  switch (m.type) {
    case 'offer':
    case 'answer': {
      if (typeof m.sdp !== 'string') { nonFatal(`${m.type} without sdp`); return; }
      try {
        pc.setRemoteDescription(m.sdp, m.type);
      } catch (e) {
        fatal(`setRemoteDescription(${m.type}) failed: ${e.message}`);
        return;
      }
      remoteSet = true;
      for (const c of pendingRemoteCandidates.splice(0)) addRemoteCandidate(c);
      if (m.type === 'offer' && opts.negotiatedId !== null && channels.size === 0)
        setupChannel(pc.createDataChannel(opts.label, channelInit()));
      return;
    }
    case 'candidate':
      if (typeof m.candidate !== 'string') { nonFatal('candidate without candidate string'); return; }
      if (!remoteSet) pendingRemoteCandidates.push(m);
      else addRemoteCandidate(m);
      return;
    case 'end-of-candidates':
      return;
    case 'send': {
      const ch = openChannel(m.label);
      if (!ch) return;
      if (typeof m.text === 'string') trySend(ch, m.text);
      else if (typeof m.base64 === 'string') trySend(ch, Buffer.from(m.base64, 'base64'));
      else nonFatal('send needs "text" or "base64"');
      return;
    }
    case 'send-bulk': {
      const ch = openChannel(m.label);
      if (ch) sendBulk(ch, m.label, m.bytes, m.chunk);
      return;
    }
    case 'get-stats':
      stats();
      return;
    case 'close':
      finish(0, 'close requested');
      return;
    default:
      nonFatal(`unknown input type "${m.type}"`);
  }
}

// ---- start -------------------------------------------------------------------------------------------
pc = new ndc.PeerConnection(NAME, config);
pc.onSignalingStateChange((s) => emit({ type: 'state', name: 'signaling', value: s }));
pc.onGatheringStateChange((s) => {
  // libdatachannel says "in-progress" where W3C says "gathering".
  emit({ type: 'state', name: 'gathering', value: s === 'in-progress' ? 'gathering' : s });
  if (s === 'complete') setImmediate(gatheringComplete);
});
pc.onIceStateChange((s) => {
  emit({ type: 'state', name: 'ice', value: s });
  if (s === 'failed') fatal('ICE failed');
});
pc.onStateChange((s) => {
  emit({ type: 'state', name: 'connection', value: s });
  if (exiting) return;
  if (s === 'failed') fatal('connection failed');
  else if (s === 'closed') finish(0, 'connection closed by peer');
});
pc.onLocalDescription((sdp, type) => { if (opts.trickle) sendDescription(sdp, type); });
pc.onLocalCandidate((candidate, mid) => sendCandidate(candidate, mid));
pc.onDataChannel((dc) => setupChannel(dc));

emit({ type: 'ready' });
if (opts.keylog) nonFatal('--keylog is not supported by libdatachannel via node-datachannel; no keys written');
if (opts.timeout) setTimeout(() => fatal(`timeout after ${opts.timeout} s`, 3), opts.timeout * 1000);
common.readInput(handleInput, () => finish(0, 'stdin closed'));
if (opts.role === 'offer') setupChannel(pc.createDataChannel(opts.label, channelInit()));
