#include "fake_relay.hpp"

#include "common/byte_reader.hpp"

namespace tern::ice::test {
namespace {

void put_address(std::vector<uint8_t>& out, const SocketAddress& a) {
  const auto ip = a.ip().bytes();
  out.insert(out.end(), ip.begin(), ip.begin() + 4);
  out.push_back(static_cast<uint8_t>(a.port() >> 8));
  out.push_back(static_cast<uint8_t>(a.port()));
}

SocketAddress get_address(std::span<const uint8_t> in) {
  return {IpAddress::v4(in[0], in[1], in[2], in[3]), load_be16(in.data() + 4)};
}

}  // namespace

void FakeRelayServer::handle_input(Timestamp, const Datagram& d) {
  if (d.destination == control_) {
    if (d.payload.empty()) return;
    if (d.payload[0] == 'A') {
      client_ = d.source;
      Transmit t{control_, d.source, TransportProtocol::kUdp, {'a'}};
      put_address(t.payload, d.source);
      put_address(t.payload, relayed_);
      outbox_.push_back(std::move(t));
    } else if (d.payload[0] == 'S' && d.payload.size() >= 7 && client_ && d.source == *client_) {
      const SocketAddress peer = get_address(d.payload.subspan(1));
      permissions_.insert(peer.ip());
      ++relayed_packets_;
      outbox_.push_back(Transmit{relayed_, peer, TransportProtocol::kUdp,
                                 std::vector<uint8_t>(d.payload.begin() + 7, d.payload.end())});
    }
    return;
  }
  // Arrived at the relayed address: forward to the client if permitted.
  if (!client_ || !permissions_.count(d.source.ip())) return;
  ++relayed_packets_;
  Transmit t{control_, *client_, TransportProtocol::kUdp, {'D'}};
  put_address(t.payload, d.source);
  t.payload.insert(t.payload.end(), d.payload.begin(), d.payload.end());
  outbox_.push_back(std::move(t));
}

std::optional<Transmit> FakeRelayServer::poll_transmit() {
  if (outbox_.empty()) return std::nullopt;
  Transmit t = std::move(outbox_.front());
  outbox_.pop_front();
  return t;
}

void FakeRelayAllocator::start(Timestamp now) {
  outbox_.push_back(Transmit{base_, server_, TransportProtocol::kUdp, {'A'}});
  give_up_ = now + Duration::seconds(3);
}

void FakeRelayAllocator::handle_input(Timestamp, const Datagram& d) {
  if (d.payload.empty()) return;
  if (d.payload[0] == 'a' && d.payload.size() == 13 && !allocated_) {
    allocated_ = true;
    RelayEvent e;
    e.kind = RelayEvent::Kind::kAllocated;
    e.mapped = get_address(d.payload.subspan(1));
    e.relayed = get_address(d.payload.subspan(7));
    events_.push_back(std::move(e));
  } else if (d.payload[0] == 'D' && d.payload.size() >= 7) {
    RelayEvent e;
    e.kind = RelayEvent::Kind::kData;
    e.peer = get_address(d.payload.subspan(1));
    e.data.assign(d.payload.begin() + 7, d.payload.end());
    events_.push_back(std::move(e));
  }
}

std::optional<Transmit> FakeRelayAllocator::poll_transmit() {
  if (outbox_.empty()) return std::nullopt;
  Transmit t = std::move(outbox_.front());
  outbox_.pop_front();
  return t;
}

std::optional<RelayEvent> FakeRelayAllocator::poll_event() {
  if (events_.empty()) return std::nullopt;
  RelayEvent e = std::move(events_.front());
  events_.pop_front();
  return e;
}

std::optional<Timestamp> FakeRelayAllocator::poll_timeout() {
  if (allocated_ || failed_ || closed_) return std::nullopt;
  return give_up_;
}

void FakeRelayAllocator::handle_timeout(Timestamp now) {
  if (allocated_ || failed_ || closed_ || now < give_up_) return;
  failed_ = true;
  events_.push_back(RelayEvent{RelayEvent::Kind::kFailed, {}, std::nullopt, {}, {}});
}

std::optional<Transmit> FakeRelayAllocator::send(Timestamp, const SocketAddress& peer, std::span<const uint8_t> payload) {
  if (!allocated_ || closed_ || !peer.ip().is_v4()) return std::nullopt;
  ++sent_;
  Transmit t{base_, server_, TransportProtocol::kUdp, {'S'}};
  put_address(t.payload, peer);
  t.payload.insert(t.payload.end(), payload.begin(), payload.end());
  return t;
}

void FakeRelayAllocator::close(Timestamp) { closed_ = true; }

}  // namespace tern::ice::test
