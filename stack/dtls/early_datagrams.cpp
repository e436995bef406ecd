#include "dtls/early_datagrams.hpp"

#include "dtls/handshake_header.hpp"
#include "dtls/record.hpp"

namespace tern::dtls {

bool is_client_hello_datagram(std::span<const uint8_t> datagram) {
  auto record = parse_record(datagram);
  // RFC 6347 §4.2.1: the ClientHello travels unprotected in epoch 0.
  if (!record || record->header.type != ContentType::kHandshake || record->header.epoch != 0) return false;
  auto fragment = parse_handshake_fragment(record->fragment);
  return fragment && fragment->header.type == HandshakeType::kClientHello;
}

bool EarlyDatagramBuffer::push(std::span<const uint8_t> datagram) {
  if (!is_client_hello_datagram(datagram) || datagrams_.size() >= kMaxDatagrams ||
      bytes_ + datagram.size() > kMaxBytes) {
    ++dropped_;
    return false;
  }
  datagrams_.emplace_back(datagram.begin(), datagram.end());
  bytes_ += datagram.size();
  return true;
}

void EarlyDatagramBuffer::replay(Timestamp now, Connection& connection) {
  std::vector<std::vector<uint8_t>> pending = std::move(datagrams_);
  clear();
  if (connection.role() != Role::kServer) return;
  for (const auto& d : pending) connection.handle_input(now, d);
}

void EarlyDatagramBuffer::clear() {
  datagrams_.clear();
  bytes_ = 0;
}

}  // namespace tern::dtls
