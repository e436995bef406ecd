#include "sctp/chunks/error_cause.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "common/hex.hpp"
#include "sctp/chunk.hpp"
#include "sctp/parameter.hpp"

namespace tern::sctp {
namespace {

// ERROR chunks stay small: an echoed chunk is cut at this many bytes.
constexpr size_t kMaxEchoedBytes = 1024;

OwnedErrorCause with_u32(ErrorCauseCode code, uint32_t v) {
  OwnedErrorCause c{static_cast<uint16_t>(code), std::vector<uint8_t>(4)};
  store_be32(c.info.data(), v);
  return c;
}

std::string printable(std::span<const uint8_t> bytes) {
  std::string s;
  for (uint8_t b : bytes.first(std::min<size_t>(bytes.size(), 200))) {
    s.push_back(b >= 0x20 && b < 0x7f ? static_cast<char>(b) : '.');
  }
  return s;
}

}  // namespace

const char* error_cause_name(uint16_t code) {
  switch (static_cast<ErrorCauseCode>(code)) {
    case ErrorCauseCode::kInvalidStreamIdentifier: return "Invalid Stream Identifier";
    case ErrorCauseCode::kMissingMandatoryParameter: return "Missing Mandatory Parameter";
    case ErrorCauseCode::kStaleCookie: return "Stale Cookie Error";
    case ErrorCauseCode::kOutOfResource: return "Out of Resource";
    case ErrorCauseCode::kUnresolvableAddress: return "Unresolvable Address";
    case ErrorCauseCode::kUnrecognizedChunkType: return "Unrecognized Chunk Type";
    case ErrorCauseCode::kInvalidMandatoryParameter: return "Invalid Mandatory Parameter";
    case ErrorCauseCode::kUnrecognizedParameters: return "Unrecognized Parameters";
    case ErrorCauseCode::kNoUserData: return "No User Data";
    case ErrorCauseCode::kCookieReceivedWhileShuttingDown: return "Cookie Received While Shutting Down";
    case ErrorCauseCode::kRestartWithNewAddresses: return "Restart of an Association with New Addresses";
    case ErrorCauseCode::kUserInitiatedAbort: return "User-Initiated Abort";
    case ErrorCauseCode::kProtocolViolation: return "Protocol Violation";
  }
  return nullptr;
}

size_t ErrorCause::serialized_size() const { return padded_length(kParameterHeaderSize + info.size()); }

void ErrorCause::serialize(ByteWriter& writer) const {
  write_parameter_header(writer, code, info.size());
  writer.bytes(info);
  write_parameter_padding(writer, info.size());
}

size_t unpadded_causes_size(const std::vector<ErrorCause>& causes) {
  size_t n = 0;
  for (const ErrorCause& c : causes) n += c.serialized_size();
  if (!causes.empty()) n -= causes.back().serialized_size() - (kParameterHeaderSize + causes.back().info.size());
  return n;
}

Result<std::vector<ErrorCause>> parse_error_causes(std::span<const uint8_t> area, uint32_t base_offset) {
  auto params = parse_parameters(area, base_offset);
  if (!params) return params.error();
  std::vector<ErrorCause> causes;
  causes.reserve(params->size());
  for (const Parameter& p : *params) causes.push_back(ErrorCause{p.type, p.value});
  return causes;
}

OwnedErrorCause OwnedErrorCause::invalid_stream_identifier(StreamId stream) {
  // RFC 9260 §3.3.10.1: Stream Identifier followed by 16 reserved bits.
  return with_u32(ErrorCauseCode::kInvalidStreamIdentifier, uint32_t{stream.value} << 16);
}

OwnedErrorCause OwnedErrorCause::missing_mandatory_parameter(std::span<const uint16_t> types) {
  OwnedErrorCause c{static_cast<uint16_t>(ErrorCauseCode::kMissingMandatoryParameter),
                    std::vector<uint8_t>(4 + 2 * types.size())};
  store_be32(c.info.data(), static_cast<uint32_t>(types.size()));
  for (size_t i = 0; i < types.size(); ++i) store_be16(c.info.data() + 4 + 2 * i, types[i]);
  return c;
}

OwnedErrorCause OwnedErrorCause::stale_cookie(uint32_t staleness_us) {
  return with_u32(ErrorCauseCode::kStaleCookie, staleness_us);
}

OwnedErrorCause OwnedErrorCause::out_of_resource() {
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kOutOfResource), {}};
}

OwnedErrorCause OwnedErrorCause::unrecognized_chunk_type(std::span<const uint8_t> chunk) {
  chunk = chunk.first(std::min(chunk.size(), kMaxEchoedBytes));
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kUnrecognizedChunkType),
                         std::vector<uint8_t>(chunk.begin(), chunk.end())};
}

OwnedErrorCause OwnedErrorCause::unrecognized_parameters(std::span<const uint8_t> parameters) {
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kUnrecognizedParameters),
                         std::vector<uint8_t>(parameters.begin(), parameters.end())};
}

OwnedErrorCause OwnedErrorCause::no_user_data(Tsn tsn) { return with_u32(ErrorCauseCode::kNoUserData, tsn.value); }

OwnedErrorCause OwnedErrorCause::cookie_received_while_shutting_down() {
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kCookieReceivedWhileShuttingDown), {}};
}

OwnedErrorCause OwnedErrorCause::user_initiated_abort(std::string_view reason) {
  reason = reason.substr(0, kMaxEchoedBytes);
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kUserInitiatedAbort),
                         std::vector<uint8_t>(reason.begin(), reason.end())};
}

OwnedErrorCause OwnedErrorCause::protocol_violation(std::string_view information) {
  information = information.substr(0, kMaxEchoedBytes);
  return OwnedErrorCause{static_cast<uint16_t>(ErrorCauseCode::kProtocolViolation),
                         std::vector<uint8_t>(information.begin(), information.end())};
}

std::string describe(const ErrorCause& cause) {
  const char* name = error_cause_name(cause.code);
  std::string out = name ? name : "Unknown cause " + std::to_string(cause.code);
  ByteReader r(cause.info);
  switch (static_cast<ErrorCauseCode>(cause.code)) {
    case ErrorCauseCode::kInvalidStreamIdentifier:
      if (r.has(2)) out += ": stream=" + std::to_string(r.u16());
      return out;
    case ErrorCauseCode::kStaleCookie:
      if (r.has(4)) out += ": staleness_us=" + std::to_string(r.u32());
      return out;
    case ErrorCauseCode::kNoUserData:
      if (r.has(4)) out += ": tsn=" + std::to_string(r.u32());
      return out;
    case ErrorCauseCode::kMissingMandatoryParameter: {
      if (!r.has(4)) return out;
      const uint32_t n = r.u32();
      out += ": types=";
      for (uint32_t i = 0; i < n && r.has(2); ++i) out += (i ? "," : "") + std::to_string(r.u16());
      return out;
    }
    case ErrorCauseCode::kUserInitiatedAbort:
    case ErrorCauseCode::kProtocolViolation:
      out += ": \"" + printable(cause.info) + "\"";
      return out;
    case ErrorCauseCode::kUnrecognizedChunkType:
      if (r.has(1)) out += ": chunk type=" + std::to_string(r.u8());
      return out;
    default:
      if (!cause.info.empty()) out += ": " + to_hex(cause.info.first(std::min<size_t>(cause.info.size(), 64)));
      return out;
  }
}

}  // namespace tern::sctp
