#include "sim/network.hpp"

#include <algorithm>
#include <utility>

#include "common/crc32.hpp"
#include "common/log.hpp"

namespace {

const char* sim_errc_name(uint16_t code) {
  switch (static_cast<tern::sim::SimErrc>(code)) {
    case tern::sim::SimErrc::kAddressInUse: return "kAddressInUse";
    case tern::sim::SimErrc::kNotLocalAddress: return "kNotLocalAddress";
    case tern::sim::SimErrc::kNoFreePort: return "kNoFreePort";
    case tern::sim::SimErrc::kEndpointOnOtherHost: return "kEndpointOnOtherHost";
  }
  return "unknown";
}

}  // namespace

TERN_DEFINE_ERRC(tern::sim::SimErrc, "sim", sim_errc_name)

namespace tern::sim {
namespace {

constexpr uint16_t kEphemeralFirst = 50000;
constexpr uint16_t kEphemeralLast = 65535;
// A machine that keeps producing transmits without end would hang a drain; treat it as a stall.
constexpr uint64_t kMaxTransmitsPerDrain = 1000000;

IpAddress unspecified(IpFamily family) {
  if (family == IpFamily::kV4) return IpAddress();
  const std::array<uint8_t, 16> zeros{};
  return IpAddress::v6(zeros);
}

// True when `a` and `b` cannot both be bound (same family and port, and same IP or a wildcard).
bool conflicts(const SocketAddress& a, const SocketAddress& b) {
  return a.port() == b.port() && a.family() == b.family() &&
         (a.ip() == b.ip() || a.ip().is_unspecified() || b.ip().is_unspecified());
}

bool later(const auto& a, const auto& b) {
  return a.at != b.at ? a.at > b.at : a.seq > b.seq;
}

}  // namespace

std::optional<IpAddress> Host::address(IpFamily family) const {
  for (const Interface* i : interfaces_)
    if (i->ip().family() == family) return i->ip();
  return std::nullopt;
}

Network::Network(uint64_t seed, Timestamp start) : seeder_(seed), now_(start) {
  realms_.push_back(std::unique_ptr<Realm>(new Realm("internet")));
}

Network::~Network() = default;

Realm& Network::add_realm(std::string name) {
  realms_.push_back(std::unique_ptr<Realm>(new Realm(std::move(name))));
  return *realms_.back();
}

Host& Network::add_host(std::string name) {
  hosts_.push_back(std::unique_ptr<Host>(new Host(std::move(name))));
  return *hosts_.back();
}

Interface& Network::attach(Host& host, Realm& realm, IpAddress ip, LinkConfig up, LinkConfig down) {
  TERN_ASSERT(realm.addresses_.count(ip) == 0, "IP address already used in this realm");
  const uint64_t up_seed = derive_seed();
  const uint64_t down_seed = derive_seed();
  interfaces_.push_back(std::unique_ptr<Interface>(
      new Interface(host.name_ + "/" + ip.to_string(), ip, realm, up, down, up_seed, down_seed)));
  Interface& iface = *interfaces_.back();
  iface.host_ = &host;
  host.interfaces_.push_back(&iface);
  realm.addresses_.emplace(ip, &iface);
  return iface;
}

Nat& Network::add_nat(std::string name, NatConfig config, Realm& outside, IpAddress public_ip,
                      Realm& inside, IpAddress inside_ip, LinkConfig up, LinkConfig down) {
  TERN_ASSERT(&outside != &inside, "a NAT joins two different realms");
  TERN_ASSERT(inside.gateway_ == nullptr, "the inside realm already has a gateway");
  TERN_ASSERT(outside.addresses_.count(public_ip) == 0, "public IP already used in the realm");
  TERN_ASSERT(inside.addresses_.count(inside_ip) == 0, "inside IP already used in the realm");
  nats_.push_back(std::make_unique<Nat>(name, config, public_ip, derive_seed()));
  Nat& nat = *nats_.back();
  uint64_t seeds[4];
  for (uint64_t& s : seeds) s = derive_seed();
  interfaces_.push_back(std::unique_ptr<Interface>(
      new Interface(name + "/" + public_ip.to_string(), public_ip, outside, up, down, seeds[0],
                    seeds[1])));
  nat.outside_ = interfaces_.back().get();
  interfaces_.push_back(std::unique_ptr<Interface>(
      new Interface(name + "/" + inside_ip.to_string(), inside_ip, inside, {}, {}, seeds[2],
                    seeds[3])));
  nat.inside_ = interfaces_.back().get();
  nat.outside_->nat_ = &nat;
  nat.inside_->nat_ = &nat;
  outside.addresses_.emplace(public_ip, nat.outside_);
  inside.addresses_.emplace(inside_ip, nat.inside_);
  inside.gateway_ = nat.inside_;
  return nat;
}

Network::EndpointEntry* Network::find_entry(SimEndpoint* endpoint) {
  for (EndpointEntry& e : endpoints_)
    if (e.endpoint == endpoint) return &e;
  return nullptr;
}

Result<SocketAddress> Network::bind(Host& host, SimEndpoint& endpoint, const SocketAddress& local) {
  EndpointEntry* entry = find_entry(&endpoint);
  if (entry && entry->host != &host)
    return Error(SimErrc::kEndpointOnOtherHost, "endpoint already bound on another host");
  if (!local.ip().is_unspecified()) {
    bool found = false;
    for (const Interface* i : host.interfaces_) found = found || i->ip() == local.ip();
    if (!found) return Error(SimErrc::kNotLocalAddress, "no interface with this IP on the host");
  }
  auto in_use = [&](const SocketAddress& a) {
    for (const auto& [bound, ep] : host.bindings_)
      if (conflicts(bound, a)) return true;
    return false;
  };
  SocketAddress address = local;
  if (local.port() == 0) {
    // Ephemeral ports are handed out sequentially per host, like a fresh OS.
    const uint32_t span = kEphemeralLast - kEphemeralFirst + 1;
    bool found = false;
    for (uint32_t i = 0; i < span && !found; ++i) {
      const uint16_t port = static_cast<uint16_t>(
          kEphemeralFirst + (host.next_ephemeral_ - kEphemeralFirst + i) % span);
      address = SocketAddress(local.ip(), port);
      if (!in_use(address)) {
        found = true;
        host.next_ephemeral_ = port == kEphemeralLast ? kEphemeralFirst : static_cast<uint16_t>(port + 1);
      }
    }
    if (!found) return Error(SimErrc::kNoFreePort, "every ephemeral port is bound");
  } else if (in_use(address)) {
    return Error(SimErrc::kAddressInUse, "address and port already bound");
  }
  host.bindings_.emplace(address, &endpoint);
  if (!entry) {
    endpoints_.push_back({&endpoint, &host, {}});
    entry = &endpoints_.back();
  }
  entry->bound.push_back(address);
  return address;
}

void Network::unbind(SimEndpoint& endpoint) {
  EndpointEntry* entry = find_entry(&endpoint);
  if (!entry) return;
  for (const SocketAddress& a : entry->bound) entry->host->bindings_.erase(a);
  endpoints_.erase(endpoints_.begin() + (entry - endpoints_.data()));
}

void Network::push_event(Event event) {
  event.seq = next_seq_++;
  events_.push_back(std::move(event));
  std::push_heap(events_.begin(), events_.end(), [](const Event& a, const Event& b) { return later(a, b); });
}

Network::Event Network::pop_event() {
  std::pop_heap(events_.begin(), events_.end(), [](const Event& a, const Event& b) { return later(a, b); });
  Event e = std::move(events_.back());
  events_.pop_back();
  return e;
}

void Network::schedule(Timestamp at, std::function<void()> fn) {
  Event e;
  e.at = std::max(at, now_);
  e.kind = EventKind::kCallback;
  e.callback = std::move(fn);
  push_event(std::move(e));
}

void Network::record(TraceKind kind, DropReason reason, const std::string& where,
                     const Packet& packet) {
  if (!trace_enabled_) return;
  TraceEvent t;
  t.at = now_;
  t.kind = kind;
  t.reason = reason;
  t.where = where;
  t.source = packet.source;
  t.destination = packet.destination;
  t.size = static_cast<uint32_t>(packet.payload.size());
  t.checksum = crc32(packet.payload);
  trace_.push_back(std::move(t));
}

void Network::drop(DropReason reason, const std::string& where, const Packet& packet) {
  switch (reason) {
    case DropReason::kNoRoute: ++counters_.dropped_no_route; break;
    case DropReason::kNoListener: ++counters_.dropped_no_listener; break;
    case DropReason::kBadSource: ++counters_.dropped_bad_source; break;
    default: break;  // links and NATs count their own drops
  }
  TERN_LOG(LogLevel::kDebug, "sim", "drop(%s) at %s: %s -> %s", drop_reason_name(reason),
           where.c_str(), packet.source.to_string().c_str(),
           packet.destination.to_string().c_str());
  record(TraceKind::kDrop, reason, where, packet);
}

void Network::drain(SimEndpoint* endpoint) {
  for (uint64_t n = 0;; ++n) {
    EndpointEntry* entry = find_entry(endpoint);
    if (!entry) return;
    if (n >= kMaxTransmitsPerDrain) {
      stalled_ = true;
      TERN_LOG(LogLevel::kError, "sim", "endpoint on %s never stops transmitting",
               entry->host->name_.c_str());
      return;
    }
    std::optional<Transmit> t = endpoint->poll_transmit();
    if (!t) return;
    send_from(*entry, std::move(*t));
  }
}

void Network::drain_all() {
  for (size_t i = 0; i < endpoints_.size(); ++i) drain(endpoints_[i].endpoint);
}

void Network::send_from(EndpointEntry& entry, Transmit transmit) {
  Host& host = *entry.host;
  Packet packet;
  packet.source = transmit.source;
  packet.destination = transmit.destination;
  packet.protocol = transmit.protocol;
  packet.payload = std::move(transmit.payload);

  // Which binding does the transmit use?
  const SocketAddress* binding = nullptr;
  const bool any_source = transmit.source.ip().is_unspecified() && transmit.source.port() == 0;
  for (const SocketAddress& b : entry.bound) {
    const bool match =
        any_source ? b.family() == transmit.destination.family()
                   : b == transmit.source || (b.ip().is_unspecified() &&
                                              b.family() == transmit.source.family() &&
                                              b.port() == transmit.source.port());
    if (match) {
      binding = &b;
      break;
    }
  }
  if (!binding) return drop(DropReason::kBadSource, host.name_, packet);
  IpAddress ip = any_source || transmit.source.ip().is_unspecified() ? binding->ip() : transmit.source.ip();
  if (ip.is_unspecified()) {
    // A wildcard binding sends from the host's first address of the destination's family.
    std::optional<IpAddress> a = host.address(transmit.destination.family());
    if (!a) return drop(DropReason::kBadSource, host.name_, packet);
    ip = *a;
  }
  packet.source = SocketAddress(ip, binding->port());
  Interface* iface = nullptr;
  for (Interface* i : host.interfaces_)
    if (i->ip() == ip) iface = i;
  if (!iface) return drop(DropReason::kBadSource, host.name_, packet);
  ++counters_.sent;
  record(TraceKind::kSend, DropReason::kNone, host.name_, packet);
  transmit_up(*iface, std::move(packet));
}

void Network::submit(Interface& iface, Link& link, EventKind kind, Packet packet) {
  const Link::Outcome outcome = link.submit(now_, packet.payload.size());
  if (outcome.drop != DropReason::kNone) record(TraceKind::kDrop, outcome.drop, link.name(), packet);
  for (size_t i = 0; i < outcome.count; ++i) {
    Event e;
    e.at = outcome.arrivals[i];
    e.kind = kind;
    e.iface = &iface;
    e.packet = i + 1 < outcome.count ? packet : std::move(packet);
    push_event(std::move(e));
  }
}

void Network::transmit_up(Interface& iface, Packet packet) {
  submit(iface, iface.up_, EventKind::kReachRealm, std::move(packet));
}

void Network::transmit_down(Interface& iface, Packet packet) {
  submit(iface, iface.down_, EventKind::kReachNode, std::move(packet));
}

void Network::reach_realm(Interface& from, Packet packet) {
  Realm& realm = *from.realm_;
  auto it = realm.addresses_.find(packet.destination.ip());
  Interface* target = it != realm.addresses_.end() ? it->second : realm.gateway_;
  // A gateway never sends unknown destinations back to itself.
  if (!target || (it == realm.addresses_.end() && target == &from))
    return drop(DropReason::kNoRoute, realm.name_, packet);
  transmit_down(*target, std::move(packet));
}

void Network::reach_node(Interface& iface, Packet packet) {
  if (iface.host_) return reach_host(*iface.host_, std::move(packet));
  TERN_ASSERT(iface.nat_ != nullptr, "an interface belongs to a host or a NAT");
  reach_nat(*iface.nat_, iface, std::move(packet));
}

void Network::reach_host(Host& host, Packet packet) {
  auto it = host.bindings_.find(packet.destination);
  if (it == host.bindings_.end())
    it = host.bindings_.find(
        SocketAddress(unspecified(packet.destination.family()), packet.destination.port()));
  if (it == host.bindings_.end()) return drop(DropReason::kNoListener, host.name_, packet);
  SimEndpoint* endpoint = it->second;
  ++counters_.delivered;
  record(TraceKind::kDeliver, DropReason::kNone, host.name_, packet);
  Datagram datagram;
  datagram.source = packet.source;
  datagram.destination = packet.destination;
  datagram.protocol = packet.protocol;
  datagram.payload = packet.payload;
  endpoint->handle_input(now_, datagram);
  drain(endpoint);
}

void Network::reach_nat(Nat& nat, Interface& iface, Packet packet) {
  DropReason why = DropReason::kNone;
  if (&iface == nat.inside_) {
    if (packet.destination.ip() == nat.public_ip()) {
      auto r = nat.translate_hairpin(now_, packet.source, packet.destination, why);
      if (!r) return drop(why, nat.name(), packet);
      packet.source = r->first;
      packet.destination = r->second;
      return transmit_up(*nat.inside_, std::move(packet));
    }
    if (packet.destination.ip() == iface.ip_) return drop(DropReason::kNoListener, nat.name(), packet);
    if (packet.destination.family() != nat.public_ip().family())
      return drop(DropReason::kNoRoute, nat.name(), packet);
    std::optional<SocketAddress> external =
        nat.translate_outbound(now_, packet.source, packet.destination);
    if (!external) return drop(DropReason::kNatPortsExhausted, nat.name(), packet);
    packet.source = *external;
    return transmit_up(*nat.outside_, std::move(packet));
  }
  if (packet.destination.ip() != nat.public_ip()) return drop(DropReason::kNoRoute, nat.name(), packet);
  std::optional<SocketAddress> internal =
      nat.translate_inbound(now_, packet.source, packet.destination.port(), why);
  if (!internal) return drop(why, nat.name(), packet);
  packet.destination = *internal;
  transmit_up(*nat.inside_, std::move(packet));
}

std::optional<Timestamp> Network::next_due() {
  std::optional<Timestamp> due;
  if (!events_.empty()) due = events_.front().at;
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    std::optional<Timestamp> t = endpoints_[i].endpoint->poll_timeout();
    if (t && (!due || *t < *due)) due = t;
  }
  if (due && *due < now_) due = now_;  // past deadlines fire now
  return due;
}

bool Network::step(Timestamp limit) {
  if (stalled_) return false;
  drain_all();
  std::optional<Timestamp> due = next_due();
  if (!due || *due > limit || stalled_) return false;
  if (*due > now_) {
    now_ = *due;
    steps_at_instant_ = 0;
  }
  if (++steps_at_instant_ > max_steps_per_instant_) {
    stalled_ = true;
    TERN_LOG(LogLevel::kError, "sim", "more than %llu events at t=%lld us: stalled",
             static_cast<unsigned long long>(max_steps_per_instant_),
             static_cast<long long>(now_.as_micros()));
    return false;
  }
  if (!events_.empty() && events_.front().at <= now_) {
    Event e = pop_event();
    switch (e.kind) {
      case EventKind::kReachRealm:
        e.iface->up_.count_delivered(e.packet.payload.size());
        reach_realm(*e.iface, std::move(e.packet));
        break;
      case EventKind::kReachNode:
        e.iface->down_.count_delivered(e.packet.payload.size());
        reach_node(*e.iface, std::move(e.packet));
        break;
      case EventKind::kCallback:
        e.callback();
        drain_all();
        break;
    }
    return true;
  }
  // An endpoint deadline: the first due endpoint in binding order (deterministic).
  for (size_t i = 0; i < endpoints_.size(); ++i) {
    SimEndpoint* endpoint = endpoints_[i].endpoint;
    std::optional<Timestamp> t = endpoint->poll_timeout();
    if (t && *t <= now_) {
      endpoint->handle_timeout(now_);
      drain(endpoint);
      break;
    }
  }
  return true;
}

bool Network::run_until(const std::function<bool()>& done, Timestamp deadline) {
  if (done()) return true;
  while (step(deadline)) {
    if (done()) return true;
  }
  if (!stalled_ && now_ < deadline) now_ = deadline;
  return done();
}

void Network::run_for(Duration duration) {
  run_until([] { return false; }, now_ + duration);
}

}  // namespace tern::sim
