#pragma once
// Handshake message reassembly and ordering (RFC 6347 §4.2.2, §4.2.3): fragments may arrive
// out of order, duplicated, or overlapping; messages are released strictly in message_seq order.
// Everything is bounded: message size, how far ahead of the next expected message we buffer, how
// many disjoint ranges one message may have, and the total buffered bytes.
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "dtls/handshake_header.hpp"

namespace tern::dtls {

// A complete, reassembled handshake message.
struct HandshakeMessage {
  HandshakeType type = HandshakeType::kClientHello;
  uint16_t message_seq = 0;
  uint16_t epoch = 0;  // record epoch every fragment arrived in
  std::vector<uint8_t> body;
};

class Reassembler {
 public:
  static constexpr size_t kMaxMessageSize = 64 * 1024;
  static constexpr uint16_t kMaxAhead = 16;  // messages buffered past the next expected one
  static constexpr size_t kMaxRanges = 64;
  static constexpr size_t kMaxBufferedBytes = 256 * 1024;

  enum class Outcome : uint8_t {
    kAccepted,      // stored (possibly completing a message)
    kOld,           // message_seq below the next expected: a retransmission (RFC 6347 §4.2.4)
    kTooFarAhead,   // beyond the buffering window: dropped
    kInconsistent,  // type/length/epoch differ from earlier fragments of the same message: dropped
    kTooLarge,      // message above kMaxMessageSize or buffers full: dropped
  };

  // Adds one fragment received in record epoch `epoch`.
  Outcome add(const HandshakeFragment& fragment, uint16_t epoch);
  // The next message in sequence if it is complete; advances next_seq().
  std::optional<HandshakeMessage> pop();

  uint16_t next_seq() const { return next_seq_; }
  // Forgets everything buffered and expects `next_seq` next.
  void reset(uint16_t next_seq);

 private:
  struct Pending {
    HandshakeMessage message;
    uint32_t length = 0;
    std::vector<std::pair<uint32_t, uint32_t>> ranges;  // received [begin, end), sorted, merged
    bool complete = false;
  };
  Pending* find(uint16_t seq);

  std::vector<Pending> pending_;
  size_t buffered_bytes_ = 0;
  uint16_t next_seq_ = 0;
};

}  // namespace tern::dtls
