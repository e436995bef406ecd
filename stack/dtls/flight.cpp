#include "dtls/flight.hpp"

#include <algorithm>

#include "dtls/errc.hpp"

namespace tern::dtls {
namespace {
// Below this much room for a fragment body we start a fresh datagram rather than emit a sliver.
constexpr size_t kMinUsefulFragment = 64;
}  // namespace

Status Flight::emit(RecordLayer& records, size_t mtu, std::vector<std::vector<uint8_t>>& out) const {
  std::vector<uint8_t> datagram;
  auto flush = [&] {
    if (!datagram.empty()) out.push_back(std::move(datagram));
    datagram.clear();
  };
  for (const OutgoingMessage& m : messages_) {
    if (m.change_cipher_spec) {
      // RFC 5246 §7.1: the ChangeCipherSpec message is the single byte 1.
      static constexpr uint8_t kCcs[] = {1};
      if (datagram.size() + records.record_size(m.epoch, 1) > mtu) flush();
      if (auto s = records.append_record(datagram, ContentType::kChangeCipherSpec, m.epoch, kCcs); !s) return s;
      continue;
    }
    const size_t length = m.body.size();
    size_t offset = 0;
    bool first = true;
    while (first || offset < length) {
      first = false;
      size_t fixed = records.record_size(m.epoch, kHandshakeHeaderSize);
      size_t room = mtu > datagram.size() + fixed ? mtu - datagram.size() - fixed : 0;
      size_t remaining = length - offset;
      if (!datagram.empty() && room < remaining && room < kMinUsefulFragment) {
        flush();
        room = mtu > fixed ? mtu - fixed : 0;
      }
      if (room == 0 && remaining > 0) return Error(DtlsErrc::kTooLarge, "MTU too small for a handshake fragment");
      size_t take = std::min(remaining, room);
      HandshakeHeader h;
      h.type = m.type;
      h.length = static_cast<uint32_t>(length);
      h.message_seq = m.message_seq;
      h.fragment_offset = static_cast<uint32_t>(offset);
      h.fragment_length = static_cast<uint32_t>(take);
      std::vector<uint8_t> payload(kHandshakeHeaderSize + take);
      serialize_handshake_header(h, std::span<uint8_t, kHandshakeHeaderSize>(payload.data(), kHandshakeHeaderSize));
      std::copy_n(m.body.begin() + static_cast<std::ptrdiff_t>(offset), take, payload.begin() + kHandshakeHeaderSize);
      if (auto s = records.append_record(datagram, ContentType::kHandshake, m.epoch, payload); !s) return s;
      offset += take;
    }
  }
  flush();
  return {};
}

void RetransmitTimer::start(Timestamp now) {
  current_ = initial_;
  retransmits_ = 0;
  deadline_ = now + current_;
}

bool RetransmitTimer::backoff(Timestamp now) {
  if (retransmits_ >= max_retransmits_) {
    deadline_.reset();
    return false;
  }
  ++retransmits_;
  // RFC 6347 §4.2.4.1: double the timer value, up to 60 seconds.
  current_ = std::min(current_ * 2, maximum_);
  deadline_ = now + current_;
  return true;
}

}  // namespace tern::dtls
