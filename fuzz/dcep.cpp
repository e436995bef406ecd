// Fuzz target for the DCEP codec (RFC 8832 §5) and the data channel manager.
//
// Input byte 0 selects the mode:
//   even: the rest is one DCEP message. The parser is strict (every byte belongs to a field), so
//         a message that parses must serialize back to exactly the input bytes; describe() must
//         not crash.
//   odd:  the rest is a script of association events and API calls played into a manager over a
//         recording port. The channel table must stay consistent: one live channel per stream id,
//         no event after a channel's ChannelClosed.
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "datachannel/channel_manager.hpp"
#include "datachannel/dcep_message.hpp"
#include "datachannel/ppid.hpp"
#include "sctp/errc.hpp"

namespace {

using namespace tern;
using namespace tern::datachannel;

void fuzz_codec(std::span<const uint8_t> input) {
  auto parsed = parse_dcep_message(input);
  (void)describe_dcep_bytes(input);
  if (!parsed) return;
  auto bytes = serialize_dcep_message(*parsed);
  if (!bytes) __builtin_trap();
  if (bytes->size() != input.size() || !std::equal(bytes->begin(), bytes->end(), input.begin())) __builtin_trap();
  auto again = parse_dcep_message(*bytes);
  if (!again) __builtin_trap();
  if (again->index() != parsed->index()) __builtin_trap();
  if (const auto* open = std::get_if<DataChannelOpen>(&*parsed)) {
    if (!(std::get<DataChannelOpen>(*again) == *open)) __builtin_trap();
  }
  (void)describe(*parsed);
}

class ScriptPort final : public SctpTransportPort {
 public:
  bool up = true;
  bool fail_sends = false;
  bool fail_resets = false;
  size_t sends = 0;
  std::vector<StreamId> resets;

  bool established() const override { return up; }
  uint16_t stream_count() const override { return up ? 64 : 0; }
  Status send(Timestamp, StreamId stream, uint32_t, std::vector<uint8_t>&& payload,
              const sctp::SendOptions&) override {
    if (payload.empty()) __builtin_trap();  // SCTP cannot carry empty messages (RFC 9260 §3.3.1)
    if (stream.value >= 64) __builtin_trap();
    if (fail_sends) return Error(sctp::SctpErrc::kSendBufferFull, "full");
    ++sends;
    return {};
  }
  Status reset_streams(Timestamp, std::span<const StreamId> streams) override {
    if (fail_resets) return Error(sctp::SctpErrc::kNotSupported, "no reset");
    resets.insert(resets.end(), streams.begin(), streams.end());
    return {};
  }
  size_t buffered_amount(StreamId) const override { return 0; }
  void set_buffered_amount_low_threshold(StreamId, size_t) override {}
};

class Script {
 public:
  explicit Script(std::span<const uint8_t> data) : data_(data) {}
  bool done() const { return pos_ >= data_.size(); }
  uint8_t u8() { return pos_ < data_.size() ? data_[pos_++] : 0; }
  std::vector<uint8_t> bytes(size_t n) {
    n = std::min(n, data_.size() - std::min(pos_, data_.size()));
    std::vector<uint8_t> out(data_.begin() + static_cast<std::ptrdiff_t>(pos_),
                             data_.begin() + static_cast<std::ptrdiff_t>(pos_ + n));
    pos_ += n;
    return out;
  }

 private:
  std::span<const uint8_t> data_;
  size_t pos_ = 0;
};

void check_table(const DataChannelManager& m) {
  std::set<uint16_t> live;
  for (ChannelHandle h : m.channels()) {
    const DataChannel* c = m.channel(h);
    if (!c) __builtin_trap();
    if (c->ready_state() == DataChannelState::kClosed || !c->id()) continue;
    if (!live.insert(c->id()->value).second) __builtin_trap();  // two live channels on one stream
    if (m.channel_on_stream(*c->id()) != h) __builtin_trap();
  }
}

void fuzz_manager(std::span<const uint8_t> input) {
  static constexpr uint32_t kPpids[] = {kPpidDcep, kPpidString, kPpidBinaryPartial, kPpidBinary,
                                        kPpidStringPartial, kPpidStringEmpty, kPpidBinaryEmpty, 99};
  ScriptPort port;
  ManagerConfig config;
  Script script(input);
  const uint8_t setup = script.u8();
  if (setup & 1) config.dtls_role = (setup & 2) ? DtlsRole::kServer : DtlsRole::kClient;
  port.up = (setup & 4) == 0;
  config.max_receive_message_size = 64;
  config.max_deferred_bytes = 64;
  DataChannelManager m(port, config);
  std::vector<ChannelHandle> handles;
  std::set<uint32_t> closed;
  Timestamp now = Timestamp::from_millis(1);

  while (!script.done()) {
    const uint8_t op = script.u8();
    const uint8_t arg = script.u8();
    // The association only reports streams below its stream count; API calls may name any id.
    const uint16_t stream = arg % 64;
    const uint16_t any_id = arg % 70;
    now += Duration::millis(1);
    switch (op % 12) {
      case 0:
      case 1: {
        const uint8_t n = script.u8();
        m.handle_sctp_event(now, sctp::MessageReceived{StreamId(stream), kPpids[op / 12 % 8], false, script.bytes(n % 40)});
        break;
      }
      case 2:
        if (op & 0x80) {
          m.handle_sctp_event(now, sctp::IncomingStreamsReset{});  // all streams (RFC 6525 §4.1)
        } else {
          m.handle_sctp_event(now, sctp::IncomingStreamsReset{{StreamId(stream)}});
        }
        break;
      case 3: m.handle_sctp_event(now, sctp::OutgoingStreamsReset{{StreamId(stream)}}); break;
      case 4: m.handle_sctp_event(now, sctp::StreamResetFailed{{StreamId(stream)}, sctp::ReconfigResult::kDenied}); break;
      case 5: m.handle_sctp_event(now, sctp::BufferedAmountLow{StreamId(stream)}); break;
      case 6:
        port.up = true;
        m.handle_sctp_event(now, sctp::Connected{});
        break;
      case 7: {
        DataChannelInit init;
        init.ordered = (op & 0x10) == 0;
        if (op & 0x20) init.max_retransmits = stream;
        if (op & 0x40) init.max_packet_life_time = stream;
        init.negotiated = (op & 0x80) != 0;
        if (init.negotiated) init.id = any_id;
        auto h = m.create_channel(now, "fuzz", init);
        if (h) handles.push_back(*h);
        break;
      }
      case 8:
        if (!handles.empty()) (void)m.close(now, handles[stream % handles.size()]);
        break;
      case 9:
        if (!handles.empty()) {
          auto text = script.bytes(stream % 5);
          (void)m.send_text(now, handles[stream % handles.size()], std::string(text.begin(), text.end()));
        }
        break;
      case 10:
        if (op & 0x10) m.set_dtls_role(now, (op & 0x20) ? DtlsRole::kServer : DtlsRole::kClient);
        port.fail_sends = (op & 0x40) != 0;
        port.fail_resets = (op & 0x80) != 0;
        break;
      case 11:
        if (op & 0x80) {
          m.handle_sctp_event(now, sctp::Aborted{Error(sctp::SctpErrc::kPeerAborted, "fuzz"), ""});
        } else if (op & 0x40) {
          m.handle_sctp_event(now, sctp::Closed{});
        }
        break;
    }
    check_table(m);
    while (auto e = m.poll_event()) {
      std::visit([&](const auto& ev) {
        if (closed.count(ev.channel.value)) __builtin_trap();  // nothing after ChannelClosed
      }, *e);
      if (const auto* c = std::get_if<ChannelClosed>(&*e)) {
        closed.insert(c->channel.value);
        if (m.channel(c->channel)) __builtin_trap();
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::span<const uint8_t> input(data + 1, size - 1);
  if ((data[0] & 1) == 0) {
    fuzz_codec(input);
  } else {
    fuzz_manager(input);
  }
  return 0;
}
