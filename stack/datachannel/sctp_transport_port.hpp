#pragma once
// The few SCTP association calls the data channel layer needs, behind a small interface so the
// channel manager can run on a real sctp::Association (AssociationPort) or on a test double.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/error.hpp"
#include "common/ids.hpp"
#include "common/time.hpp"
#include "sctp/association.hpp"
#include "sctp/send_queue.hpp"

namespace tern::datachannel {

class SctpTransportPort {
 public:
  virtual ~SctpTransportPort() = default;

  // True while the association is established and accepts messages.
  virtual bool established() const = 0;
  // Stream ids usable in both directions: min(outbound, inbound) negotiated streams (RFC 9260
  // §5.1.1); 0 before establishment.
  virtual uint16_t stream_count() const = 0;
  // Queues one user message (sctp::Association::send; same errors, SctpErrc).
  virtual Status send(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t>&& payload,
                      const sctp::SendOptions& options) = 0;
  // Resets outgoing streams (RFC 6525); the outcome arrives as an sctp event.
  virtual Status reset_streams(Timestamp now, std::span<const StreamId> streams) = 0;
  // Bytes accepted by send() on `stream` and not yet sent.
  virtual size_t buffered_amount(StreamId stream) const = 0;
  // sctp::BufferedAmountLow is reported when the stream's buffered amount falls to `bytes`.
  virtual void set_buffered_amount_low_threshold(StreamId stream, size_t bytes) = 0;
};

// The port over a real association (which must outlive it).
class AssociationPort final : public SctpTransportPort {
 public:
  explicit AssociationPort(sctp::Association& association) : association_(&association) {}

  bool established() const override {
    return association_->state() == sctp::AssociationState::kEstablished && !association_->terminated();
  }
  uint16_t stream_count() const override {
    if (!established()) return 0;
    const uint16_t out = association_->outbound_streams();
    const uint16_t in = association_->inbound_streams();
    return out < in ? out : in;
  }
  Status send(Timestamp now, StreamId stream, uint32_t ppid, std::vector<uint8_t>&& payload,
              const sctp::SendOptions& options) override {
    return association_->send(now, stream, ppid, std::move(payload), options);
  }
  Status reset_streams(Timestamp now, std::span<const StreamId> streams) override {
    return association_->reset_streams(now, streams);
  }
  size_t buffered_amount(StreamId stream) const override { return association_->buffered_amount(stream); }
  void set_buffered_amount_low_threshold(StreamId stream, size_t bytes) override {
    association_->set_buffered_amount_low_threshold(stream, bytes);
  }

 private:
  sctp::Association* association_;
};

}  // namespace tern::datachannel
