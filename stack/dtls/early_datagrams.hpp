#pragma once
// ClientHello datagrams that arrive before this endpoint knows its DTLS role.
//
// With JSEP's a=setup:actpass (RFC 8842 §5) the offerer learns from the answer whether it is the
// DTLS client or the server, but an active answerer may finish ICE and send its ClientHello
// before the answer has reached the offerer (a race of signaling against the media path). Dropping
// that ClientHello costs the client's whole first retransmission timeout (1 s by default).
// peer/ therefore keeps such datagrams here, bounded, and replays them into the Connection it
// creates once the answer fixes the role:
//
//   if (!dtls_ && dtls::is_client_hello_datagram(bytes)) early_.push(bytes);   // role unknown yet
//   ...answer applied, role known:
//   dtls_ = dtls::Connection::create(config, rng).value();
//   early_.replay(now, *dtls_);   // a server handles them; a client discards them
//
// Only epoch-0 handshake records carrying (a fragment of) a ClientHello are kept: nothing else can
// legitimately precede the handshake, and a server keeps no state for them anyway (RFC 6347 §4.2.1).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/time.hpp"
#include "dtls/connection.hpp"

namespace tern::dtls {

// True when the first record of `datagram` is an epoch-0 handshake record whose first handshake
// fragment belongs to a ClientHello (any fragment offset: large ClientHellos are fragmented).
// Never reads past `datagram`; false for anything that does not parse.
bool is_client_hello_datagram(std::span<const uint8_t> datagram);

// A bounded FIFO of early ClientHello datagrams (copies).
class EarlyDatagramBuffer {
 public:
  // Caps: enough for a fragmented ClientHello and a few retransmissions of it.
  static constexpr size_t kMaxDatagrams = 8;
  static constexpr size_t kMaxBytes = 16 * 1024;

  // Keeps a copy of `datagram` if is_client_hello_datagram() holds and the caps allow. Returns
  // whether it was kept; refused datagrams are counted in dropped().
  bool push(std::span<const uint8_t> datagram);
  // Hands every kept datagram, oldest first, to `connection` when it is a server, then empties the
  // buffer. A client discards them: its peer must be the server, and a ClientHello sent to a client
  // would only abort the handshake with unexpected_message.
  void replay(Timestamp now, Connection& connection);
  // Forgets everything kept (e.g. the session was torn down before the answer).
  void clear();

  size_t size() const { return datagrams_.size(); }
  size_t bytes() const { return bytes_; }
  uint64_t dropped() const { return dropped_; }

 private:
  std::vector<std::vector<uint8_t>> datagrams_;
  size_t bytes_ = 0;
  uint64_t dropped_ = 0;
};

}  // namespace tern::dtls
