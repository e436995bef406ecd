'use strict';
// Runs inside headless Chromium (served by chromium-peer.js from http://127.0.0.1). Implements the
// stdio peer protocol (PROTOCOL.md) on RTCPeerConnection; chromium-peer.js bridges stdin/stdout:
//   node -> page: window.ternStart(config), window.ternInput(message)   (awaited, in order)
//   page -> node: window.ternEmit(message)    (exposed binding; {type:'__exit'} ends the process)

(() => {
  const BULK_HIGH = 4 * 1024 * 1024; // Chromium closes a channel whose send buffer passes 16 MiB
  const BULK_LOW = 1024 * 1024;

  let cfg = null;
  let pc = null;
  let exiting = false;
  const channels = new Map(); // label -> {dc, open, closed}
  let descSent = false;
  const pendingLocalCandidates = [];
  const pendingRemoteCandidates = [];
  let remoteSet = false;
  let bulkRx = null;          // {expected, got, t0}
  let bulkSending = false;

  const emit = (o) => { window.ternEmit(o); };
  const nonFatal = (message) => emit({ type: 'error', message, fatal: false });
  const fatal = (message, code = 1) => { emit({ type: 'error', message, fatal: true }); finish(code, message); };

  function finish(code, reason) {
    if (exiting) return;
    exiting = true;
    for (const [label, ch] of channels) {
      if (ch.open && !ch.closed) { ch.closed = true; emit({ type: 'channel-close', label }); }
      try { ch.dc.close(); } catch (e) { /* closed */ }
    }
    try { if (pc) pc.close(); } catch (e) { /* closed */ }
    // Let the SCTP ABORT / DTLS close_notify leave before the browser goes away.
    setTimeout(() => emit({ type: '__exit', code, reason }), 50);
  }

  // ---- base64 <-> bytes ----------------------------------------------------------------------------
  function toBase64(u8) {
    let s = '';
    for (let i = 0; i < u8.length; i += 0x8000) s += String.fromCharCode.apply(null, u8.subarray(i, i + 0x8000));
    return btoa(s);
  }
  function fromBase64(b) {
    const s = atob(b);
    const u8 = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) u8[i] = s.charCodeAt(i);
    return u8;
  }

  // ---- candidates ------------------------------------------------------------------------------------
  // --bind: announce only candidates on that address (the browser offers no socket-level bind).
  const candidateAddress = (c) => (c.split(' ')[4] || '');
  const keepCandidate = (c) => !cfg.bind || candidateAddress(c) === cfg.bind;
  function filterSdp(sdp) {
    if (!cfg.bind) return sdp;
    return sdp.split('\r\n').filter((l) => !l.startsWith('a=candidate:') || keepCandidate(l.slice(2))).join('\r\n');
  }

  function sendDescription() {
    if (descSent) return;
    descSent = true;
    const d = pc.localDescription;
    emit({ type: d.type, sdp: filterSdp(d.sdp) });
    for (const c of pendingLocalCandidates.splice(0)) emit(c);
  }

  function whenGatheringComplete() {
    if (pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      pc.addEventListener('icegatheringstatechange', function h() {
        if (pc.iceGatheringState === 'complete') { pc.removeEventListener('icegatheringstatechange', h); resolve(); }
      });
    });
  }

  async function publishLocalDescription() {
    if (!cfg.trickle) await whenGatheringComplete();
    sendDescription();
  }

  // ---- data channels ---------------------------------------------------------------------------------
  function channelInit() {
    const init = { ordered: !cfg.unordered };
    if (cfg.maxRetransmits !== null) init.maxRetransmits = cfg.maxRetransmits;
    if (cfg.maxPacketLifeTime !== null) init.maxPacketLifeTime = cfg.maxPacketLifeTime;
    if (cfg.negotiatedId !== null) { init.negotiated = true; init.id = cfg.negotiatedId; }
    return init;
  }

  function setupChannel(dc) {
    const label = dc.label;
    const ch = { dc, open: false, closed: false };
    channels.set(label, ch);
    dc.binaryType = 'arraybuffer';
    const onOpen = () => { if (!ch.open) { ch.open = true; emit({ type: 'channel-open', label }); } };
    dc.onopen = onOpen;
    dc.onclose = () => {
      if (ch.closed || exiting) return;
      ch.closed = true;
      emit(ch.closeReason ? { type: 'channel-close', label, reason: ch.closeReason } : { type: 'channel-close', label });
      finish(0, 'channel closed by peer');
    };
    dc.onerror = (e) => {
      if (exiting) return;
      const err = e.error;
      // RFC 9260 §3.3.10.12 cause 12: the peer closed the association with an ABORT (libdatachannel
      // does so on close). That is the peer's close; it is reported on the channel-close line.
      if (err && err.errorDetail === 'sctp-failure' && err.sctpCauseCode === 12) {
        ch.closeReason = `SCTP ABORT from peer (cause 12, User-Initiated Abort)`;
        return;
      }
      nonFatal(`channel ${label}: ${err ? `${err.errorDetail || err.name}: ${err.message}` : 'error'}`);
    };
    dc.onmessage = (e) => {
      if (typeof e.data === 'string') {
        const m = /^bulk-start ([0-9]+)$/.exec(e.data);
        if (m) {
          bulkRx = { expected: Number(m[1]), got: 0, t0: performance.now() };
          if (bulkRx.expected === 0) bulkDone(label);
        }
        emit({ type: 'message', label, text: e.data });
        if (cfg.echo && !m) trySend(ch, e.data);
        return;
      }
      const u8 = new Uint8Array(e.data);
      if (bulkRx) {
        bulkRx.got += u8.length;
        if (bulkRx.got >= bulkRx.expected) bulkDone(label);
        return;
      }
      emit({ type: 'message', label, base64: toBase64(u8) });
    };
    if (dc.readyState === 'open') onOpen();
  }

  function bulkDone(label) {
    const ms = performance.now() - bulkRx.t0;
    emit({ type: 'bulk-done', label, bytes: bulkRx.got, ms: Math.round(ms * 1000) / 1000 });
    bulkRx = null;
  }

  function trySend(ch, data) {
    try {
      ch.dc.send(data);
      return true;
    } catch (e) {
      nonFatal(`send on ${ch.dc.label} failed: ${e.name}: ${e.message}`);
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
    const dc = ch.dc;
    const payload = new Uint8Array(chunk).fill(0x5a);
    const t0 = performance.now();
    let sent = 0;
    if (!trySend(ch, `bulk-start ${total}`)) return;
    bulkSending = true;
    dc.bufferedAmountLowThreshold = BULK_LOW;
    const drain = () => {
      if (exiting || ch.closed) { bulkSending = false; return; }
      if (dc.bufferedAmount > 0) { setTimeout(drain, 1); return; }
      bulkSending = false;
      emit({ type: 'bulk-sent', label, bytes: sent, ms: Math.round((performance.now() - t0) * 1000) / 1000 });
    };
    const pump = () => {
      if (exiting || ch.closed) { bulkSending = false; return; }
      while (sent < total && dc.bufferedAmount < BULK_HIGH) {
        const n = Math.min(chunk, total - sent);
        if (!trySend(ch, n === chunk ? payload : payload.subarray(0, n))) { bulkSending = false; return; }
        sent += n;
      }
      if (sent >= total) { drain(); return; }
      dc.addEventListener('bufferedamountlow', pump, { once: true });
    };
    pump();
  }

  async function stats() {
    const report = await pc.getStats();
    const all = [...report.values()];
    const transport = all.find((s) => s.type === 'transport');
    let pair = transport && transport.selectedCandidatePairId ? report.get(transport.selectedCandidatePairId) : null;
    if (!pair) pair = all.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') || null;
    const out = { type: 'stats' };
    if (pair) {
      const side = (id) => {
        const c = report.get(id) || {};
        return { candidateType: c.candidateType, address: c.address, port: c.port, protocol: c.protocol };
      };
      out.selectedPair = { local: side(pair.localCandidateId), remote: side(pair.remoteCandidateId) };
      out.currentRoundTripTime = pair.currentRoundTripTime ?? null;
    }
    out.bytesSent = transport ? transport.bytesSent : (pair ? pair.bytesSent : 0);
    out.bytesReceived = transport ? transport.bytesReceived : (pair ? pair.bytesReceived : 0);
    out.connectionState = pc.connectionState;
    out.iceConnectionState = pc.iceConnectionState;
    if (transport) out.dtls = { tlsVersion: transport.tlsVersion, dtlsCipher: transport.dtlsCipher, dtlsRole: transport.dtlsRole, iceRole: transport.iceRole };
    out.dataChannels = all.filter((s) => s.type === 'data-channel').map((s) => ({
      label: s.label, state: s.state, messagesSent: s.messagesSent, bytesSent: s.bytesSent,
      messagesReceived: s.messagesReceived, bytesReceived: s.bytesReceived,
    }));
    out.maxMessageSize = pc.sctp ? pc.sctp.maxMessageSize : null;
    out.implementation = navigator.userAgent.replace(/^.*(HeadlessChrome\/[0-9.]+).*$/, '$1');
    emit(out);
  }

  // ---- API for chromium-peer.js ----------------------------------------------------------------------
  window.ternStart = async (config) => {
    cfg = config;
    const rtcConfig = { iceServers: cfg.iceServers, iceTransportPolicy: cfg.relayOnly ? 'relay' : 'all' };
    pc = new RTCPeerConnection(rtcConfig);
    pc.onsignalingstatechange = () => emit({ type: 'state', name: 'signaling', value: pc.signalingState });
    pc.onicegatheringstatechange = () => emit({ type: 'state', name: 'gathering', value: pc.iceGatheringState });
    pc.oniceconnectionstatechange = () => emit({ type: 'state', name: 'ice', value: pc.iceConnectionState });
    pc.onconnectionstatechange = () => {
      emit({ type: 'state', name: 'connection', value: pc.connectionState });
      if (!exiting && pc.connectionState === 'failed') fatal('connection failed');
    };
    pc.onicecandidate = (e) => {
      if (!cfg.trickle || exiting) return;
      let msg;
      if (!e.candidate) msg = { type: 'end-of-candidates' };
      else if (!e.candidate.candidate || !keepCandidate(e.candidate.candidate)) return;
      else msg = { type: 'candidate', candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid, sdpMLineIndex: e.candidate.sdpMLineIndex };
      if (descSent) emit(msg); else pendingLocalCandidates.push(msg);
    };
    pc.ondatachannel = (e) => setupChannel(e.channel);
    if (cfg.role === 'offer' || cfg.negotiatedId !== null) setupChannel(pc.createDataChannel(cfg.label, channelInit()));
    if (cfg.role === 'offer') {
      await pc.setLocalDescription();
      await publishLocalDescription();
    }
  };

  async function addRemoteCandidate(m) {
    try {
      if (!m.candidate) await pc.addIceCandidate();
      else await pc.addIceCandidate({ candidate: m.candidate, sdpMid: m.sdpMid ?? null, sdpMLineIndex: m.sdpMLineIndex ?? null });
    } catch (e) {
      nonFatal(`remote candidate rejected: ${e.name}: ${e.message}`);
    }
  }

  window.ternInput = async (m) => {
    if (exiting || !pc) return;
    switch (m.type) {
      case 'offer':
      case 'answer':
        if (typeof m.sdp !== 'string') { nonFatal(`${m.type} without sdp`); return; }
        try {
          await pc.setRemoteDescription({ type: m.type, sdp: m.sdp });
        } catch (e) {
          fatal(`setRemoteDescription(${m.type}) failed: ${e.name}: ${e.message}`);
          return;
        }
        remoteSet = true;
        for (const c of pendingRemoteCandidates.splice(0)) await addRemoteCandidate(c);
        if (m.type === 'offer') {
          await pc.setLocalDescription();
          await publishLocalDescription();
        }
        return;
      case 'candidate':
        if (typeof m.candidate !== 'string') { nonFatal('candidate without candidate string'); return; }
        if (!remoteSet) pendingRemoteCandidates.push(m); else await addRemoteCandidate(m);
        return;
      case 'end-of-candidates':
        if (!remoteSet) pendingRemoteCandidates.push({ candidate: '' }); else await addRemoteCandidate({ candidate: '' });
        return;
      case 'send': {
        const ch = openChannel(m.label);
        if (!ch) return;
        if (typeof m.text === 'string') trySend(ch, m.text);
        else if (typeof m.base64 === 'string') trySend(ch, fromBase64(m.base64));
        else nonFatal('send needs "text" or "base64"');
        return;
      }
      case 'send-bulk': {
        const ch = openChannel(m.label);
        if (ch) sendBulk(ch, m.label, m.bytes, m.chunk);
        return;
      }
      case 'get-stats':
        await stats();
        return;
      case 'close':
        finish(0, 'close requested');
        return;
      default:
        nonFatal(`unknown input type "${m.type}"`);
    }
  };
})();
