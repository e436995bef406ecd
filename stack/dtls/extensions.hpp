#pragma once
// Hello extensions (RFC 5246 §7.4.1.4) that DTLS-SRTP needs, decoded into typed fields:
//
//   extensions<0..2^16-1>, each:
//   +-------------------------------+-------------------------------+
//   |        extension_type         |    extension_data length      |
//   +-------------------------------+-------------------------------+
//   |  extension_data ...
//   +-+-+-+-+-+-+-+-+
//
// supported_groups (RFC 8422 §5.1.1), ec_point_formats (RFC 8422 §5.1.2), signature_algorithms
// (RFC 5246 §7.4.1.4.1), use_srtp (RFC 5764 §4.1.1), extended_master_secret (RFC 7627 §5.1),
// renegotiation_info (RFC 5746 §3.2). Other extensions are kept raw.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/byte_reader.hpp"
#include "common/error.hpp"
#include "dtls/named_group.hpp"
#include "dtls/signature_scheme.hpp"
#include "dtls/use_srtp.hpp"
#include "dtls/wire.hpp"

namespace tern::dtls {

enum class ExtensionType : uint16_t {
  kServerName = 0,
  kSupportedGroups = 10,
  kEcPointFormats = 11,
  kSignatureAlgorithms = 13,
  kUseSrtp = 14,
  kEncryptThenMac = 22,
  kExtendedMasterSecret = 23,
  kSessionTicket = 35,
  kRenegotiationInfo = 0xff01,
};

// An extension tern does not interpret (kept for describe() and round trips).
struct RawExtension {
  uint16_t type = 0;
  std::vector<uint8_t> data;
  bool operator==(const RawExtension&) const = default;
};

struct HelloExtensions {
  std::optional<std::vector<NamedGroup>> supported_groups;
  std::optional<std::vector<uint8_t>> ec_point_formats;
  std::optional<std::vector<SignatureScheme>> signature_algorithms;
  std::optional<UseSrtp> use_srtp;
  bool extended_master_secret = false;
  std::optional<std::vector<uint8_t>> renegotiation_info;  // renegotiated_connection
  std::vector<RawExtension> unknown;
  bool operator==(const HelloExtensions&) const = default;

  // True when no extension is present (the block is then omitted on the wire).
  bool empty() const;
};

// "supported_groups", ... or "unknown".
const char* extension_type_name(uint16_t type);

// Parses an optional extensions block: if `r` is empty there is none (RFC 5246 §7.4.1.2 allows
// omitting it). Consumes the rest of `r`. `base` is added to error positions.
// Errors: kTruncated, kBadLength, kDuplicateExtension (RFC 5246 §7.4.1.4: at most one of each
// type), kTrailingData (bytes after the block or inside a fixed-form extension).
Result<HelloExtensions> parse_extensions(ByteReader& r, size_t base);
// Appends the block (nothing when empty()).
void serialize_extensions(const HelloExtensions& extensions, WireBuilder& out);
// Indented lines, one per extension.
std::string describe(const HelloExtensions& extensions, const char* indent);

}  // namespace tern::dtls
