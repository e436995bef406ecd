#pragma once
// A NAT box's translation table, with the behaviours of RFC 4787 (NAT behavioral requirements for
// unicast UDP). The Network routes packets through it; this class only decides what to rewrite.
//
//   internal host X:x ---[inside realm]--- NAT (public ip) ---[outside realm]--- remote Y:y
//
// Mapping behaviour (RFC 4787 §4.1) decides when X:x reuses the external port X1':x1' it got for an
// earlier destination; filtering behaviour (§5) decides which remotes may send to that port.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "common/rng.hpp"
#include "common/socket_address.hpp"
#include "common/time.hpp"
#include "sim/trace.hpp"

namespace tern::sim {

class Interface;

// RFC 4787 §4.1: which destinations share one external mapping of an internal endpoint.
enum class MappingBehavior : uint8_t {
  kEndpointIndependent,      // one mapping for every destination
  kAddressDependent,         // one mapping per destination IP
  kAddressAndPortDependent,  // one mapping per destination IP and port ("symmetric")
};

// RFC 4787 §5: which inbound packets to an existing mapping pass.
enum class FilteringBehavior : uint8_t {
  kEndpointIndependent,      // any remote
  kAddressDependent,         // remotes whose IP the internal endpoint has sent to
  kAddressAndPortDependent,  // remotes whose IP and port the internal endpoint has sent to
};

// RFC 4787 §4.2: how external ports are chosen.
enum class PortAllocation : uint8_t {
  kSequential,  // next free port after the last one handed out
  kRandom,      // uniformly random free port (from the NAT's seeded stream)
  kPreserve,    // the internal port when free, otherwise sequential
};

struct NatConfig {
  MappingBehavior mapping = MappingBehavior::kEndpointIndependent;
  FilteringBehavior filtering = FilteringBehavior::kEndpointIndependent;
  // RFC 4787 §4.3 REQ-5: a UDP mapping timer MUST NOT expire in less than two minutes (by default;
  // tests may shorten it to exercise expiry).
  Duration mapping_timeout = Duration::seconds(120);
  // RFC 4787 §4.3 REQ-6: outbound packets always refresh; inbound refresh is optional.
  bool inbound_refresh = false;
  // RFC 4787 §6: internal hosts reaching each other through the public address.
  bool hairpinning = false;
  PortAllocation port_allocation = PortAllocation::kSequential;
  uint16_t port_min = 49152;
  uint16_t port_max = 65535;

  // The classic STUN (RFC 3489) names, expressed in RFC 4787 terms.
  static NatConfig full_cone();        // EIM + EIF
  static NatConfig restricted_cone();  // EIM + ADF
  static NatConfig port_restricted();  // EIM + APDF
  static NatConfig symmetric();        // APDM + APDF
};

struct NatCounters {
  uint64_t outbound = 0;             // packets translated inside -> outside
  uint64_t inbound = 0;              // packets translated outside -> inside
  uint64_t hairpinned = 0;
  uint64_t dropped_no_mapping = 0;
  uint64_t dropped_filtered = 0;
  uint64_t dropped_hairpin = 0;
  uint64_t dropped_ports_exhausted = 0;
  uint64_t mappings_created = 0;
  uint64_t mappings_expired = 0;
};

// "outbound=.. inbound=.. filtered=.. ..." on one line.
std::string describe(const NatCounters& counters);

class Nat {
 public:
  Nat(std::string name, NatConfig config, IpAddress public_ip, uint64_t seed);

  // An internal endpoint sends to `remote`: finds or creates the mapping (refreshing it and
  // recording `remote` for filtering) and returns the external source address, or nullopt when no
  // port is free.
  std::optional<SocketAddress> translate_outbound(Timestamp now, const SocketAddress& internal,
                                                  const SocketAddress& remote);
  // A packet from `remote` arrives for public_ip:external_port: returns the internal destination,
  // or nullopt with `why` set (kNatNoMapping, kNatFiltered).
  std::optional<SocketAddress> translate_inbound(Timestamp now, const SocketAddress& remote,
                                                 uint16_t external_port, DropReason& why);
  // An internal endpoint sends to the public address (RFC 4787 §6 REQ-9): returns the translated
  // source (the sender's external mapping) and the internal destination, or nullopt with `why`.
  std::optional<std::pair<SocketAddress, SocketAddress>> translate_hairpin(
      Timestamp now, const SocketAddress& internal, const SocketAddress& public_destination,
      DropReason& why);

  // The external address a packet from `internal` to `remote` would use now, without creating or
  // refreshing anything (nullopt when it would need a new mapping).
  std::optional<SocketAddress> find_mapping(Timestamp now, const SocketAddress& internal,
                                            const SocketAddress& remote) const;
  // Live mappings at `now` (expired ones are purged first).
  size_t active_mappings(Timestamp now);
  // Forgets every mapping (a NAT reboot).
  void clear();

  const std::string& name() const { return name_; }
  const IpAddress& public_ip() const { return public_ip_; }
  const NatConfig& config() const { return config_; }
  const NatCounters& counters() const { return counters_; }
  // The NAT's interfaces in the topology (set by Network::add_nat).
  Interface& inside() const { return *inside_; }
  Interface& outside() const { return *outside_; }

 private:
  friend class Network;

  struct Key {
    SocketAddress internal;
    SocketAddress remote;  // reduced to what the mapping behaviour distinguishes
    auto operator<=>(const Key&) const = default;
  };
  struct Mapping {
    SocketAddress internal;
    uint16_t external_port = 0;
    Timestamp refreshed;
    std::set<SocketAddress> contacted;  // remotes the internal endpoint sent to via this mapping
  };

  Key make_key(const SocketAddress& internal, const SocketAddress& remote) const;
  bool expired(const Mapping& m, Timestamp now) const;
  void erase(std::map<Key, Mapping>::iterator it);
  void purge_expired(Timestamp now);
  std::optional<uint16_t> allocate_port(uint16_t internal_port);
  bool allowed(const Mapping& m, const SocketAddress& remote) const;

  std::string name_;
  NatConfig config_;
  IpAddress public_ip_;
  SeededRng rng_;
  NatCounters counters_;
  std::map<Key, Mapping> mappings_;
  std::map<uint16_t, Key> by_port_;
  uint32_t next_port_;
  Interface* inside_ = nullptr;
  Interface* outside_ = nullptr;
};

}  // namespace tern::sim
