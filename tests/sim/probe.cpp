#include "sim/probe.hpp"

#include <utility>

namespace tern::sim {

void UdpProbe::send(const SocketAddress& to, std::vector<uint8_t> payload,
                    const SocketAddress& from) {
  Transmit t;
  t.source = from;
  t.destination = to;
  t.payload = std::move(payload);
  outbox_.push_back(std::move(t));
}

void UdpProbe::send(const SocketAddress& to, std::string_view text, const SocketAddress& from) {
  send(to, std::vector<uint8_t>(text.begin(), text.end()), from);
}

void UdpProbe::handle_input(Timestamp now, const Datagram& datagram) {
  received_.push_back({now, datagram.source, datagram.destination,
                       std::vector<uint8_t>(datagram.payload.begin(), datagram.payload.end())});
  if (echo_) send(datagram.source, received_.back().payload, datagram.destination);
}

std::optional<Transmit> UdpProbe::poll_transmit() {
  if (outbox_.empty()) return std::nullopt;
  Transmit t = std::move(outbox_.front());
  outbox_.pop_front();
  return t;
}

}  // namespace tern::sim
