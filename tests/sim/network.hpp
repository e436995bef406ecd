#pragma once
// A deterministic simulated network in simulated time: the test bed for every protocol layer.
//
// Topology. A Realm is an address space (the internet, a home LAN, a carrier LAN). Hosts and NATs
// attach to realms through Interfaces, each with its own IP address and two Links: the uplink
// (node -> realm) and the downlink (realm -> node). A packet from host A to host B in one realm
// crosses A's uplink, then B's downlink. A NAT has an inside interface (the default gateway of
// its inside realm) and an outside interface in another realm, so topologies nest:
//
//   alice --[lan1]-- NAT1 --+                    +-- NAT2 --[lan2]-- bob
//                           +---[ internet ]-----+
//                           |                    |
//                       stun server          CGNAT --[isp]-- NAT3 --[lan3]-- carol
//
// Driving. Sans-IO machines (SimEndpoint) are bound to addresses on hosts. The network advances a
// virtual clock to the next event (a packet reaching the end of a link, an endpoint deadline, a
// scheduled callback), handles it, and drains every endpoint's transmits. Every run is bounded by
// a deadline. All randomness comes from the seed: the same seed and inputs give the same trace.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/datagram.hpp"
#include "common/error.hpp"
#include "common/rng.hpp"
#include "common/time.hpp"
#include "sim/endpoint.hpp"
#include "sim/link.hpp"
#include "sim/nat.hpp"
#include "sim/trace.hpp"

namespace tern::sim {

enum class SimErrc : uint16_t {
  kAddressInUse = 1,    // the address/port is already bound on the host
  kNotLocalAddress,     // the host has no interface with that IP
  kNoFreePort,          // no ephemeral port left
  kEndpointOnOtherHost, // one endpoint cannot be bound on two hosts
};

}  // namespace tern::sim

TERN_DECLARE_ERRC(tern::sim::SimErrc);

namespace tern::sim {

class Host;
class Network;

// An address space. Knows which interface owns each address and where everything else goes.
class Realm {
 public:
  const std::string& name() const { return name_; }
  // The interface that receives packets for unknown destinations (a NAT's inside), if any.
  Interface* gateway() const { return gateway_; }

 private:
  friend class Network;
  explicit Realm(std::string name) : name_(std::move(name)) {}
  std::string name_;
  std::map<IpAddress, Interface*> addresses_;
  Interface* gateway_ = nullptr;
};

// A node's attachment to a realm: one IP address and a link in each direction.
class Interface {
 public:
  const std::string& name() const { return name_; }
  const IpAddress& ip() const { return ip_; }
  Realm& realm() const { return *realm_; }
  // node -> realm
  Link& uplink() { return up_; }
  // realm -> node
  Link& downlink() { return down_; }
  // Exactly one of host()/nat() is set.
  Host* host() const { return host_; }
  Nat* nat() const { return nat_; }

 private:
  friend class Network;
  Interface(std::string name, IpAddress ip, Realm& realm, LinkConfig up, LinkConfig down,
            uint64_t up_seed, uint64_t down_seed)
      : name_(std::move(name)), ip_(ip), realm_(&realm), up_(name_ + "/up", up, up_seed),
        down_(name_ + "/down", down, down_seed) {}
  std::string name_;
  IpAddress ip_;
  Realm* realm_;
  Link up_;
  Link down_;
  Host* host_ = nullptr;
  Nat* nat_ = nullptr;
};

// A machine with interfaces and bound endpoints.
class Host {
 public:
  const std::string& name() const { return name_; }
  const std::vector<Interface*>& interfaces() const { return interfaces_; }
  // The first interface address of `family`, or nullopt.
  std::optional<IpAddress> address(IpFamily family = IpFamily::kV4) const;

 private:
  friend class Network;
  explicit Host(std::string name) : name_(std::move(name)) {}
  std::string name_;
  std::vector<Interface*> interfaces_;
  std::map<SocketAddress, SimEndpoint*> bindings_;
  uint16_t next_ephemeral_ = 50000;
};

// Network-wide drops that belong to no link or NAT.
struct NetworkCounters {
  uint64_t sent = 0;       // transmits accepted from endpoints
  uint64_t delivered = 0;  // datagrams handed to endpoints
  uint64_t dropped_no_route = 0;
  uint64_t dropped_no_listener = 0;
  uint64_t dropped_bad_source = 0;
};

class Network {
 public:
  // `seed` determines every random choice (loss, jitter, NAT ports); the clock starts at `start`.
  explicit Network(uint64_t seed, Timestamp start = Timestamp());
  ~Network();
  Network(const Network&) = delete;
  Network& operator=(const Network&) = delete;

  // ---- topology (build it before running; growing it later is allowed) ----

  // The realm that exists from the start, with no gateway.
  Realm& internet() { return *realms_.front(); }
  Realm& add_realm(std::string name);
  Host& add_host(std::string name);
  // Gives `host` the address `ip` in `realm`. `up`/`down` configure the links host->realm and
  // realm->host. The IP must be unused in the realm (asserted: a topology bug).
  Interface& attach(Host& host, Realm& realm, IpAddress ip, LinkConfig up = {},
                    LinkConfig down = {});
  // A NAT between `inside` (where it has `inside_ip` and becomes the default gateway) and
  // `outside` (where it owns `public_ip`). `up`/`down` configure its outside interface (the access
  // link); the inside interface starts ideal (reach it through nat.inside()).
  Nat& add_nat(std::string name, NatConfig config, Realm& outside, IpAddress public_ip,
               Realm& inside, IpAddress inside_ip, LinkConfig up = {}, LinkConfig down = {});

  // ---- endpoints ----

  // Binds `endpoint` to `local` on `host` and adds it to the driver. Port 0 picks an ephemeral port;
  // an unspecified IP (0.0.0.0 / ::) receives on every address of that family. Returns the bound
  // address. Errors: kNotLocalAddress, kAddressInUse, kNoFreePort, kEndpointOnOtherHost.
  Result<SocketAddress> bind(Host& host, SimEndpoint& endpoint, const SocketAddress& local);
  // Removes every binding of `endpoint` and stops driving it. Safe to call from its callbacks.
  void unbind(SimEndpoint& endpoint);

  // ---- time ----

  Timestamp now() const { return now_; }
  // Runs `fn` at `at` (or now, if `at` is in the past), then drains every endpoint.
  void schedule(Timestamp at, std::function<void()> fn);
  // Handles the single earliest event if it is due at or before `limit`; false when none is.
  bool step(Timestamp limit);
  // Runs until `done()` holds (checked before starting and after every event) or the clock reaches
  // `deadline`. Returns done(). When nothing is left to happen, the clock jumps to the deadline.
  bool run_until(const std::function<bool()>& done, Timestamp deadline);
  bool run_until(const std::function<bool()>& done, Duration timeout) {
    return run_until(done, now_ + timeout);
  }
  // Runs every event in [now, now + duration] and leaves the clock at now + duration.
  void run_for(Duration duration);
  // True once a run gave up because more than max_steps_per_instant events happened without the
  // clock moving (an endpoint whose deadline never advances). Runs stop and return false.
  bool stalled() const { return stalled_; }
  void set_max_steps_per_instant(uint64_t n) { max_steps_per_instant_ = n; }
  // Packets, timers and callbacks still queued.
  size_t pending_events() const { return events_.size(); }

  // ---- observation ----

  const NetworkCounters& counters() const { return counters_; }
  // Records every send, delivery and drop while enabled.
  void set_trace_enabled(bool enabled) { trace_enabled_ = enabled; }
  const std::vector<TraceEvent>& trace() const { return trace_; }
  // A fresh seed derived from the network's seed, for machines that need their own SeededRng.
  uint64_t derive_seed() { return seeder_.next_u64(); }

 private:
  struct Packet {
    SocketAddress source;
    SocketAddress destination;
    TransportProtocol protocol = TransportProtocol::kUdp;
    std::vector<uint8_t> payload;
  };
  enum class EventKind : uint8_t { kReachRealm, kReachNode, kCallback };
  struct Event {
    Timestamp at;
    uint64_t seq = 0;
    EventKind kind = EventKind::kCallback;
    Interface* iface = nullptr;
    Packet packet;
    std::function<void()> callback;
  };
  struct EndpointEntry {
    SimEndpoint* endpoint;
    Host* host;
    std::vector<SocketAddress> bound;
  };

  void push_event(Event event);
  Event pop_event();
  std::optional<Timestamp> next_due();
  EndpointEntry* find_entry(SimEndpoint* endpoint);
  void drain(SimEndpoint* endpoint);
  void drain_all();
  void send_from(EndpointEntry& entry, Transmit transmit);
  void transmit_up(Interface& iface, Packet packet);
  void transmit_down(Interface& iface, Packet packet);
  void submit(Interface& iface, Link& link, EventKind kind, Packet packet);
  void reach_realm(Interface& from, Packet packet);
  void reach_node(Interface& iface, Packet packet);
  void reach_host(Host& host, Packet packet);
  void reach_nat(Nat& nat, Interface& iface, Packet packet);
  void record(TraceKind kind, DropReason reason, const std::string& where, const Packet& packet);
  void drop(DropReason reason, const std::string& where, const Packet& packet);

  SeededRng seeder_;
  Timestamp now_;
  uint64_t next_seq_ = 0;
  std::vector<Event> events_;  // binary min-heap on (at, seq)
  std::vector<std::unique_ptr<Realm>> realms_;
  std::vector<std::unique_ptr<Host>> hosts_;
  std::vector<std::unique_ptr<Interface>> interfaces_;
  std::vector<std::unique_ptr<Nat>> nats_;
  std::vector<EndpointEntry> endpoints_;
  NetworkCounters counters_;
  bool trace_enabled_ = false;
  std::vector<TraceEvent> trace_;
  bool stalled_ = false;
  uint64_t steps_at_instant_ = 0;
  uint64_t max_steps_per_instant_ = 1000000;
};

}  // namespace tern::sim
