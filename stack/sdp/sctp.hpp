#pragma once
// SCTP-over-DTLS media attributes (RFC 8841 §5.1, §6.1) and the legacy a=sctpmap of
// draft-ietf-mmusic-sctp-sdp-05 that old peers still send instead of a=sctp-port.
//
//   a=sctp-port:<port>                          a=sctp-port:5000
//   a=max-message-size:<bytes>                  a=max-message-size:262144   (0 = no limit)
//   a=sctpmap:<port> SP <protocol> [SP <streams>]
//   a=sctpmap:5000 webrtc-datachannel 1024
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

inline constexpr std::string_view kSctpPortAttribute = "sctp-port";
inline constexpr std::string_view kMaxMessageSizeAttribute = "max-message-size";

struct Sctpmap {
  static constexpr std::string_view kAttributeName = "sctpmap";
  uint16_t port = 0;
  std::string protocol;            // "webrtc-datachannel"
  std::optional<uint32_t> streams;  // number of streams, optional
  bool operator==(const Sctpmap&) const = default;
};

// Parses an a=sctp-port value (RFC 8841 §5.1: 1*5DIGIT, a 16-bit port); kBadSctp otherwise.
Result<uint16_t> parse_sctp_port(std::string_view value);
// Parses an a=max-message-size value (RFC 8841 §6.1: 1*DIGIT, bounded here to 64 bits).
Result<uint64_t> parse_max_message_size(std::string_view value);
// Parses "5000 webrtc-datachannel 1024"; kBadSctp for a bad port, protocol or stream count.
Result<Sctpmap> parse_sctpmap(std::string_view value);
// "5000 webrtc-datachannel 1024".
std::string serialize(const Sctpmap& sctpmap);

}  // namespace tern::sdp
