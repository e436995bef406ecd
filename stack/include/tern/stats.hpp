#pragma once
// tern/stats.hpp: PeerConnection::get_stats() results, with W3C webrtc-stats names and units
// (https://www.w3.org/TR/webrtc-stats/): each object has a type, an id unique and stable within
// its PeerConnection, and a timestamp; objects refer to each other by id (a candidate pair names
// its local and remote candidates, a transport names its selected pair and certificates).
//
//   peer-connection "P"          data-channel "D<n>"        transport "T<n>"
//   candidate-pair  "CP<local id>_<remote id>"              local-candidate "L<n>"
//   remote-candidate "R<n>"      certificate "CF<fingerprint>"
//
// Units follow W3C: times in seconds (round-trip times) or milliseconds since the Unix epoch
// (timestamps), sizes in bytes. Counters start at 0 when the object appears and never go back.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tern/states.hpp"

namespace tern {

// RTCStatsType values tern reports.
enum class StatsType : uint8_t {
  kPeerConnection, kDataChannel, kTransport, kCandidatePair, kLocalCandidate, kRemoteCandidate,
  kCertificate,
};

// "peer-connection", "data-channel", "transport", "candidate-pair", "local-candidate",
// "remote-candidate", "certificate".
constexpr std::string_view to_string(StatsType type) {
  switch (type) {
    case StatsType::kPeerConnection: return "peer-connection";
    case StatsType::kDataChannel: return "data-channel";
    case StatsType::kTransport: return "transport";
    case StatsType::kCandidatePair: return "candidate-pair";
    case StatsType::kLocalCandidate: return "local-candidate";
    case StatsType::kRemoteCandidate: return "remote-candidate";
    case StatsType::kCertificate: return "certificate";
  }
  return "unknown";
}

// The id scheme above, so that applications and tests can build ids without string formatting.
namespace stats_id {
inline std::string peer_connection() { return "P"; }
inline std::string data_channel(uint32_t index) { return "D" + std::to_string(index); }
inline std::string transport(uint32_t index) { return "T" + std::to_string(index); }
inline std::string local_candidate(uint32_t index) { return "L" + std::to_string(index); }
inline std::string remote_candidate(uint32_t index) { return "R" + std::to_string(index); }
inline std::string candidate_pair(std::string_view local_id, std::string_view remote_id) {
  std::string id = "CP";
  id += local_id;
  id += '_';
  id += remote_id;
  return id;
}
// `fingerprint` as in a=fingerprint ("AB:CD:..."), without the hash name.
inline std::string certificate(std::string_view fingerprint) {
  std::string id = "CF";
  id += fingerprint;
  return id;
}
}  // namespace stats_id

// RTCStatsIceCandidatePairState.
enum class CandidatePairState : uint8_t { kFrozen, kWaiting, kInProgress, kFailed, kSucceeded };
constexpr std::string_view to_string(CandidatePairState state) {
  switch (state) {
    case CandidatePairState::kFrozen: return "frozen";
    case CandidatePairState::kWaiting: return "waiting";
    case CandidatePairState::kInProgress: return "in-progress";
    case CandidatePairState::kFailed: return "failed";
    case CandidatePairState::kSucceeded: return "succeeded";
  }
  return "unknown";
}

// RTCPeerConnectionStats.
struct PeerConnectionStats {
  std::string id;
  double timestamp = 0;  // ms since the Unix epoch
  uint32_t data_channels_opened = 0;
  uint32_t data_channels_closed = 0;
};

// RTCDataChannelStats.
struct DataChannelStats {
  std::string id;
  double timestamp = 0;
  std::string label;
  std::string protocol;
  std::optional<uint16_t> data_channel_identifier;  // the SCTP stream id
  std::string state;                               // "connecting" | "open" | "closing" | "closed"
  uint32_t messages_sent = 0;
  uint64_t bytes_sent = 0;  // payload bytes, not counting SCTP/DTLS overhead
  uint32_t messages_received = 0;
  uint64_t bytes_received = 0;
};

// RTCTransportStats: the ICE + DTLS transport (one per BUNDLE group).
struct TransportStats {
  std::string id;
  double timestamp = 0;
  uint64_t packets_sent = 0;
  uint64_t packets_received = 0;
  uint64_t bytes_sent = 0;  // UDP payload bytes
  uint64_t bytes_received = 0;
  IceRole ice_role = IceRole::kUnknown;
  std::string ice_local_username_fragment;
  std::string ice_state;  // RTCIceTransportState name
  DtlsTransportState dtls_state = DtlsTransportState::kNew;
  DtlsRole dtls_role = DtlsRole::kUnknown;
  std::string tls_version;  // e.g. "FEFD" (DTLS 1.2), as W3C: the hex of the wire version
  std::string dtls_cipher;  // IANA name, e.g. "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
  std::string srtp_cipher;  // e.g. "AEAD_AES_128_GCM"; empty without media
  std::string selected_candidate_pair_id;
  uint32_t selected_candidate_pair_changes = 0;
  std::string local_certificate_id;
  std::string remote_certificate_id;
};

// RTCIceCandidatePairStats.
struct CandidatePairStats {
  std::string id;
  double timestamp = 0;
  std::string transport_id;
  std::string local_candidate_id;
  std::string remote_candidate_id;
  CandidatePairState state = CandidatePairState::kFrozen;
  bool nominated = false;
  bool selected = false;  // tern extension (Chromium has it too): the pair carrying the traffic
  uint64_t packets_sent = 0;
  uint64_t packets_received = 0;
  uint64_t bytes_sent = 0;
  uint64_t bytes_received = 0;
  std::optional<double> last_packet_sent_timestamp;      // ms since the Unix epoch
  std::optional<double> last_packet_received_timestamp;
  double total_round_trip_time = 0;                // seconds, sum over responses_received
  std::optional<double> current_round_trip_time;   // seconds, from the latest STUN response
  std::optional<double> available_outgoing_bitrate;  // bits per second
  uint64_t requests_received = 0;
  uint64_t requests_sent = 0;
  uint64_t responses_received = 0;
  uint64_t responses_sent = 0;
  uint64_t consent_requests_sent = 0;  // RFC 7675 consent freshness checks
};

// RTCIceCandidateStats, for both "local-candidate" and "remote-candidate".
struct IceCandidateStats {
  std::string id;
  double timestamp = 0;
  bool remote = false;  // which of the two types this is
  std::string transport_id;
  std::string address;            // may be an mDNS name ("<uuid>.local") for remote host candidates
  std::optional<uint16_t> port;
  std::string protocol;           // "udp" | "tcp"
  std::string candidate_type;     // "host" | "srflx" | "prflx" | "relay"
  std::optional<uint32_t> priority;
  std::string url;                // the STUN/TURN server that produced it (local srflx/relay)
  std::string relay_protocol;     // "udp" | "tcp" | "tls" (local relay candidates)
  std::string foundation;
  std::string related_address;
  std::optional<uint16_t> related_port;
  std::string username_fragment;
  std::string tcp_type;           // "active" | "passive" | "so"
};

// RTCCertificateStats.
struct CertificateStats {
  std::string id;
  double timestamp = 0;
  std::string fingerprint;            // "AB:CD:..."
  std::string fingerprint_algorithm;  // "sha-256"
  std::string base64_certificate;     // DER, base64
};

// One get_stats() snapshot. Lookups by id return nullptr when absent.
struct StatsReport {
  double timestamp = 0;  // when the snapshot was taken, ms since the Unix epoch
  PeerConnectionStats peer_connection;
  std::vector<DataChannelStats> data_channels;
  std::vector<TransportStats> transports;
  std::vector<CandidatePairStats> candidate_pairs;
  std::vector<IceCandidateStats> local_candidates;
  std::vector<IceCandidateStats> remote_candidates;
  std::vector<CertificateStats> certificates;

  const TransportStats* transport(std::string_view id) const { return find(transports, id); }
  const CandidatePairStats* candidate_pair(std::string_view id) const { return find(candidate_pairs, id); }
  const IceCandidateStats* local_candidate(std::string_view id) const { return find(local_candidates, id); }
  const IceCandidateStats* remote_candidate(std::string_view id) const { return find(remote_candidates, id); }
  const CertificateStats* certificate(std::string_view id) const { return find(certificates, id); }
  const DataChannelStats* data_channel(std::string_view id) const { return find(data_channels, id); }

  // The candidate pair the first transport selected, or nullptr before ICE has one.
  const CandidatePairStats* selected_candidate_pair() const {
    if (transports.empty()) return nullptr;
    return candidate_pair(transports.front().selected_candidate_pair_id);
  }

 private:
  template <class T>
  static const T* find(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items) {
      if (item.id == id) return &item;
    }
    return nullptr;
  }
};

}  // namespace tern
