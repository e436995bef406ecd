#pragma once
// An SDP session description (RFC 8866): parse, model and serialize.
//
// The lines, in the order RFC 8866 §5 (grammar §9) requires; '*' = zero or more, '?' = optional:
//
//   v=0                                              version, first line
//   o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>
//   s=<session name>
//   i=? u=? e=* p=* c=? b=*                           information, URI, emails, phones,
//                                                    connection, bandwidths
//   t=<start> <stop>                                 one or more time descriptions, each:
//     r=* <interval> <duration> <offsets...>           repeat times
//     z=? <time> [-]<offset> ...                       zone adjustments (only after an r=)
//   k=?                                              encryption key (obsolete, kept verbatim)
//   a=*                                              session attributes
//   m=<media> <port>[/<count>] <proto> <fmt>...      zero or more media sections, each:
//     i=? c=* b=* k=? a=*
//
// parse() accepts CRLF or bare LF line ends; serialize() writes CRLF. A description parsed from
// well-formed CRLF text serializes back to the same bytes: attributes are kept verbatim in
// order, and every other field keeps its spelling (numbers are written back in decimal without
// leading zeros, which RFC 8866 §9 does not produce anyway).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/attribute_list.hpp"
#include "sdp/errc.hpp"

namespace tern::sdp {

// Limits on untrusted input (a browser offer is 2-10 KiB with a handful of media sections).
inline constexpr size_t kMaxDescriptionSize = 256 * 1024;  // bytes of text
inline constexpr size_t kMaxLines = 8192;
inline constexpr size_t kMaxMediaSections = 1024;

// o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address> (RFC 8866 §5.2)
struct Origin {
  std::string username = "-";
  uint64_t session_id = 0;
  uint64_t session_version = 0;
  std::string net_type = "IN";
  std::string address_type = "IP4";
  std::string address = "127.0.0.1";
  bool operator==(const Origin&) const = default;
};

// c=<nettype> <addrtype> <connection-address> (RFC 8866 §5.7). For IN IP4 the address may carry
// "/<ttl>[/<count>]", for IN IP6 "/<count>" (multicast); those are split off. For other network
// or address types the address is kept verbatim.
struct Connection {
  std::string net_type = "IN";
  std::string address_type = "IP4";
  std::string address = "0.0.0.0";
  std::optional<uint8_t> ttl;             // IP4 multicast only
  std::optional<uint32_t> address_count;  // needs ttl for IP4
  bool operator==(const Connection&) const = default;
};

// b=<bwtype>:<bandwidth> (RFC 8866 §5.8): "AS", "CT", "TIAS" (RFC 3890), ...
struct Bandwidth {
  std::string type;
  uint64_t value = 0;
  bool operator==(const Bandwidth&) const = default;
};

// r=<repeat interval> <active duration> <offsets from start-time> (RFC 8866 §5.10). Each is a
// typed-time (digits with an optional d/h/m/s unit), kept as written.
struct Repeat {
  std::string interval;
  std::string duration;
  std::vector<std::string> offsets;  // at least one
  bool operator==(const Repeat&) const = default;
};

// One pair of z=<adjustment time> <offset> (RFC 8866 §5.11); the offset may start with '-'.
struct ZoneAdjustment {
  uint64_t time = 0;
  std::string offset;
  bool operator==(const ZoneAdjustment&) const = default;
};

// t=<start-time> <stop-time> (RFC 8866 §5.9) with its r= and z= lines. WebRTC uses "t=0 0".
struct TimeDescription {
  uint64_t start = 0;
  uint64_t stop = 0;
  std::vector<Repeat> repeats;
  std::vector<ZoneAdjustment> zone_adjustments;  // only with repeats (RFC 8866 §9)
  bool operator==(const TimeDescription&) const = default;
};

// m=<media> <port>[/<number of ports>] <proto> <fmt> ... (RFC 8866 §5.14) and its lines.
struct MediaDescription : AttributeList {
  std::string media;                  // "audio", "video", "application", ...
  uint16_t port = 0;
  std::optional<uint32_t> port_count;  // "/<number of ports>"
  std::string proto;                  // "UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", ...
  std::vector<std::string> formats;   // payload types, or "webrtc-datachannel"
  std::optional<std::string> information;  // i=
  std::vector<Connection> connections;     // c= (usually one)
  std::vector<Bandwidth> bandwidths;       // b=
  std::optional<std::string> key;          // k= (obsolete, RFC 8866 §5.12)

  // The first c= line, if any.
  const Connection* connection() const { return connections.empty() ? nullptr : &connections.front(); }
  bool operator==(const MediaDescription&) const = default;
};

struct SessionDescription : AttributeList {
  Origin origin;
  std::string session_name = "-";          // s=
  std::optional<std::string> information;  // i=
  std::optional<std::string> uri;          // u=
  std::vector<std::string> emails;         // e=
  std::vector<std::string> phones;         // p=
  std::optional<Connection> connection;    // c=
  std::vector<Bandwidth> bandwidths;       // b=
  std::vector<TimeDescription> times{TimeDescription{}};  // t= (at least one)
  std::optional<std::string> key;          // k= (obsolete)
  std::vector<MediaDescription> media;     // m= sections

  // The media section whose a=mid is `mid`, or nullptr.
  const MediaDescription* find_media(std::string_view mid) const;
  bool operator==(const SessionDescription&) const = default;
};

// Parses a whole session description. Errors carry the 1-based line number in position() (for a
// missing line: the line where it was expected) and name what is wrong in detail():
// kTooLarge, kMalformedLine, kUnknownLineType, kMissingLine, kLineOrder, kBadVersion,
// kBadOrigin, kBadConnection, kBadBandwidth, kBadTiming, kBadMedia, kBadAttribute, or the typed
// attribute codes (kBadRtpmap, kBadCandidate, ...) for a known attribute whose value is wrong.
// RFC 8866 §5.7: every media section needs a c= line unless the session has one.
Result<SessionDescription> parse(std::string_view text);

// Writes the description with CRLF line ends, in RFC 8866 §5 order. Fields must hold what
// parse() would accept (no CR/LF/NUL, tokens where the grammar has tokens); serialize does not
// check them.
std::string serialize(const SessionDescription& description);

}  // namespace tern::sdp
