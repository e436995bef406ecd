#include "stun_server_endpoint.hpp"

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/message.hpp"

namespace tern::ice::test {

void StunServerEndpoint::handle_input(Timestamp, const Datagram& datagram) {
  auto m = stun::Message::parse(datagram.payload);
  if (!m || m->message_class() != stun::MessageClass::kRequest || m->method() != stun::Method::kBinding) {
    ++malformed_;
    return;
  }
  ++requests_;
  Transmit t;
  t.source = datagram.destination;
  t.destination = datagram.source;
  stun::MessageBuilder b(t.payload, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse},
                         m->transaction_id());
  b.add(stun::XorMappedAddress{datagram.source});
  b.add_fingerprint();
  if (b.finish().ok()) outbox_.push_back(std::move(t));
}

std::optional<Transmit> StunServerEndpoint::poll_transmit() {
  if (outbox_.empty()) return std::nullopt;
  Transmit t = std::move(outbox_.front());
  outbox_.pop_front();
  return t;
}

}  // namespace tern::ice::test
