#pragma once
// Error causes carried by ABORT and ERROR chunks (RFC 9260 §3.3.10), with the same TLV layout as
// parameters:
//
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |          Cause Code           |         Cause Length          |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                    Cause-Specific Information                 /
//  /                                                               /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/byte_writer.hpp"
#include "common/error.hpp"
#include "common/ids.hpp"

namespace tern::sctp {

enum class ErrorCauseCode : uint16_t {
  kInvalidStreamIdentifier = 1,        // §3.3.10.1: Stream Identifier (16) + Reserved (16)
  kMissingMandatoryParameter = 2,      // §3.3.10.2: count (32) + types (16 each)
  kStaleCookie = 3,                    // §3.3.10.3: Measure of Staleness, microseconds (32)
  kOutOfResource = 4,                  // §3.3.10.4: no information
  kUnresolvableAddress = 5,            // §3.3.10.5
  kUnrecognizedChunkType = 6,          // §3.3.10.6: the unrecognized chunk
  kInvalidMandatoryParameter = 7,      // §3.3.10.7
  kUnrecognizedParameters = 8,         // §3.3.10.8: the unrecognized parameters
  kNoUserData = 9,                     // §3.3.10.9: TSN (32)
  kCookieReceivedWhileShuttingDown = 10,  // §3.3.10.10
  kRestartWithNewAddresses = 11,       // §3.3.10.11
  kUserInitiatedAbort = 12,            // §3.3.10.12: Upper Layer Abort Reason
  kProtocolViolation = 13,             // §3.3.10.13: Additional Information
};

// "Invalid Stream Identifier", ... or nullptr for an unknown code.
const char* error_cause_name(uint16_t code);

// One cause: a view into the chunk (or into an OwnedErrorCause).
struct ErrorCause {
  uint16_t code = 0;
  std::span<const uint8_t> info;

  size_t serialized_size() const;
  void serialize(ByteWriter& writer) const;
};

// The Chunk Length value part for a list of causes: every cause padded but the last
// (RFC 9260 §3.2).
size_t unpadded_causes_size(const std::vector<ErrorCause>& causes);

// Splits the value of an ABORT or ERROR chunk into causes. Errors: those of parse_parameters().
Result<std::vector<ErrorCause>> parse_error_causes(std::span<const uint8_t> area, uint32_t base_offset);

// A cause that owns its information, built by the association.
struct OwnedErrorCause {
  uint16_t code = 0;
  std::vector<uint8_t> info;

  ErrorCause view() const { return ErrorCause{code, info}; }

  static OwnedErrorCause invalid_stream_identifier(StreamId stream);
  static OwnedErrorCause missing_mandatory_parameter(std::span<const uint16_t> types);
  static OwnedErrorCause stale_cookie(uint32_t staleness_us);
  static OwnedErrorCause out_of_resource();
  // `chunk` is the whole unrecognized chunk (header, value); truncated to keep ERRORs small.
  static OwnedErrorCause unrecognized_chunk_type(std::span<const uint8_t> chunk);
  // `parameters` are the unrecognized parameter TLVs, concatenated (each padded).
  static OwnedErrorCause unrecognized_parameters(std::span<const uint8_t> parameters);
  static OwnedErrorCause no_user_data(Tsn tsn);
  static OwnedErrorCause cookie_received_while_shutting_down();
  static OwnedErrorCause user_initiated_abort(std::string_view reason);
  static OwnedErrorCause protocol_violation(std::string_view information);
};

// "Invalid Stream Identifier: stream=3", "User-Initiated Abort: reason=\"bye\"", ...
std::string describe(const ErrorCause& cause);

}  // namespace tern::sctp
