#pragma once
// The record layer state of one DTLS association: per-epoch write sequence numbers and
// protection, per-epoch read protection and anti-replay windows (RFC 6347 §4.1). tern refuses
// renegotiation, so only epoch 0 (no protection) and epoch 1 (the negotiated AEAD) exist.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "dtls/record.hpp"
#include "dtls/record_protection.hpp"
#include "dtls/replay_window.hpp"

namespace tern::dtls {

// Records dropped, by reason (RFC 6347 §4.1.2.7: invalid records are discarded silently).
struct RecordCounters {
  uint64_t records_received = 0;  // authenticated and delivered upward
  uint64_t malformed = 0;         // header or fragment did not parse (rest of datagram dropped)
  uint64_t decrypt_failed = 0;    // tag did not verify, or shorter than the AEAD overhead
  uint64_t replayed = 0;          // sequence number already seen or left of the window
  uint64_t wrong_epoch = 0;       // epoch without keys, or a version not allowed in the epoch
  uint64_t records_sent = 0;
};

class RecordLayer {
 public:
  static constexpr uint16_t kMaxEpoch = 1;

  // Installs the epoch-1 keys for reading / writing.
  void install_read_protection(RecordProtection protection);
  void install_write_protection(RecordProtection protection);
  bool has_read_epoch(uint16_t epoch) const;
  bool has_write_epoch(uint16_t epoch) const;

  // Validates a received record for its epoch (version, keys, replay window), decrypts the
  // fragment in place and marks the sequence number. Returns the plaintext. Errors (each also
  // bumps a counter): kWrongEpoch, kReplayed, kDecryptFailed, kTruncated, kTooLarge.
  Result<std::span<uint8_t>> open(const RecordHeader& header, std::span<uint8_t> fragment);

  // Bytes a record of `payload_size` bytes occupies on the wire in `epoch`.
  size_t record_size(uint16_t epoch, size_t payload_size) const;
  // Appends one record carrying `payload` in `epoch` to `out` using the epoch's next sequence
  // number. Errors: kWrongEpoch (no keys), kTooLarge (payload above 2^14), kInternal (sequence
  // space exhausted: RFC 6347 §4.1 forbids wrapping).
  Status append_record(std::vector<uint8_t>& out, ContentType type, uint16_t epoch, std::span<const uint8_t> payload);

  // The sequence number the next record of `epoch` will carry; settable so a server can continue
  // from the ClientHello's number after a cookie exchange (RFC 6347 §4.2.1).
  uint64_t next_write_sequence(uint16_t epoch) const { return write_[epoch].next_sequence; }
  void set_next_write_sequence(uint16_t epoch, uint64_t sequence) { write_[epoch].next_sequence = sequence; }

  RecordCounters& counters() { return counters_; }
  const RecordCounters& counters() const { return counters_; }

 private:
  struct WriteState {
    std::optional<RecordProtection> protection;
    uint64_t next_sequence = 0;
  };
  struct ReadState {
    std::optional<RecordProtection> protection;
    ReplayWindow window;
  };
  std::array<WriteState, kMaxEpoch + 1> write_{};
  std::array<ReadState, kMaxEpoch + 1> read_{};
  RecordCounters counters_;
};

}  // namespace tern::dtls
