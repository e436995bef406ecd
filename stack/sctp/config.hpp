#pragma once
// Association configuration. Defaults are RFC 9260 §16 protocol parameters and WebRTC's
// conventions (RFC 8841: port 5000, max-message-size; RFC 8261 §5: 1200-byte packets fit a DTLS
// record in a typical path MTU).
#include <cstddef>
#include <cstdint>

#include "common/time.hpp"
#include "sctp/rto_estimator.hpp"
#include "sctp/state_cookie.hpp"

namespace tern::sctp {

struct Config {
  uint16_t local_port = 5000;   // a=sctp-port of our SDP (RFC 8841 §5.1)
  uint16_t remote_port = 5000;  // the peer's a=sctp-port
  // Largest SCTP packet handed to DTLS (common header included).
  size_t mtu = 1200;
  // Receive buffer: advertised a_rwnd, and the cap on bytes held for reassembly.
  uint32_t receive_window = 1024 * 1024;
  // Largest incoming message (our a=max-message-size, RFC 8841 §6.1); larger ones abort.
  size_t max_message_size = 256 * 1024;
  // Largest outgoing message (the peer's a=max-message-size; 0 = no limit).
  size_t max_outgoing_message_size = 256 * 1024;
  // Bytes send() may queue before it returns kSendBufferFull.
  size_t max_send_buffer = 16 * 1024 * 1024;
  // Streams we ask for (RFC 9260 §3.3.2: OS / MIS); the negotiated counts are the minimums.
  uint16_t outbound_streams = 65535;
  uint16_t inbound_streams = 65535;
  // RTO.Initial / RTO.Min / RTO.Max (RFC 9260 §16: 1 s, 1 s, 60 s). WebRTC stacks often lower
  // RTO.Min; the RFC defaults stay the defaults here.
  RtoConfig rto;
  uint32_t max_init_retransmits = 8;  // Max.Init.Retransmits
  uint32_t max_retransmits = 10;      // Association.Max.Retrans
  Duration valid_cookie_life = Duration::seconds(60);  // Valid.Cookie.Life
  // HB.interval; Duration::zero() disables heartbeats.
  Duration heartbeat_interval = Duration::seconds(30);
  // RFC 9260 §6.2: SACK at the latest this long after unacknowledged DATA arrived (max 500 ms).
  Duration delayed_ack_timeout = Duration::millis(200);
  size_t max_burst = 4;  // Max.Burst (RFC 9260 §6.1 D)
  // Advertise and use PR-SCTP (RFC 3758) and stream reset (RFC 6525). WebRTC needs both.
  bool partial_reliability = true;
  bool stream_reset = true;
  // Signs State Cookies (required; must outlive the association).
  CookieSigner* cookie_signer = nullptr;
};

// The smallest mtu accepted: room for the headers and a useful DATA payload.
inline constexpr size_t kMinMtu = 256;

}  // namespace tern::sctp
