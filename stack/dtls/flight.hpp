#pragma once
// Outgoing flights and their retransmission timer (RFC 6347 §4.2.4). A flight is the group of
// messages one side sends before waiting for the other; it is retransmitted whole, re-encrypted
// with fresh record sequence numbers, and packed into datagrams no larger than the path MTU,
// fragmenting handshake messages where needed (§4.2.3).
#include <cstdint>
#include <optional>
#include <vector>

#include "common/error.hpp"
#include "common/time.hpp"
#include "dtls/handshake_header.hpp"
#include "dtls/record_layer.hpp"

namespace tern::dtls {

struct OutgoingMessage {
  bool change_cipher_spec = false;  // a ChangeCipherSpec record instead of a handshake message
  HandshakeType type = HandshakeType::kClientHello;
  uint16_t message_seq = 0;
  uint16_t epoch = 0;
  std::vector<uint8_t> body;
};

class Flight {
 public:
  void clear() { messages_.clear(); }
  bool empty() const { return messages_.empty(); }
  void add(OutgoingMessage message) { messages_.push_back(std::move(message)); }
  const std::vector<OutgoingMessage>& messages() const { return messages_; }

  // Packs the whole flight into datagrams of at most `mtu` bytes, appending them to `out`.
  // Several records share a datagram when they fit; a handshake message that does not fit is
  // split into fragments (RFC 6347 §4.2.3). Errors: kTooLarge (mtu too small for one fragment),
  // record-layer errors.
  Status emit(RecordLayer& records, size_t mtu, std::vector<std::vector<uint8_t>>& out) const;

 private:
  std::vector<OutgoingMessage> messages_;
};

// RFC 6347 §4.2.4.1: start at an initial value (1 s recommended), double on each retransmission
// up to a maximum (60 s), and give up after a bounded number of retransmissions.
class RetransmitTimer {
 public:
  RetransmitTimer(Duration initial, Duration maximum, unsigned max_retransmits)
      : initial_(initial), maximum_(maximum), max_retransmits_(max_retransmits) {}

  // Arms the timer for a newly sent flight at its initial value.
  void start(Timestamp now);
  void stop() { deadline_.reset(); }
  std::optional<Timestamp> deadline() const { return deadline_; }
  bool expired(Timestamp now) const { return deadline_ && now >= *deadline_; }
  // The deadline passed and the flight was retransmitted: doubles the timeout and re-arms.
  // Returns false (and disarms) when the retransmission budget is exhausted.
  bool backoff(Timestamp now);
  unsigned retransmits() const { return retransmits_; }

 private:
  Duration initial_;
  Duration maximum_;
  unsigned max_retransmits_;
  Duration current_;
  unsigned retransmits_ = 0;
  std::optional<Timestamp> deadline_;
};

}  // namespace tern::dtls
