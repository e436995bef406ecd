#include "sctp/parameter.hpp"

#include "common/byte_reader.hpp"
#include "sctp/chunk.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

const char* parameter_type_name(uint16_t type) {
  switch (static_cast<ParameterType>(type)) {
    case ParameterType::kHeartbeatInfo: return "Heartbeat Info";
    case ParameterType::kIpv4Address: return "IPv4 Address";
    case ParameterType::kIpv6Address: return "IPv6 Address";
    case ParameterType::kStateCookie: return "State Cookie";
    case ParameterType::kUnrecognizedParameter: return "Unrecognized Parameter";
    case ParameterType::kCookiePreservative: return "Cookie Preservative";
    case ParameterType::kHostNameAddress: return "Host Name Address";
    case ParameterType::kSupportedAddressTypes: return "Supported Address Types";
    case ParameterType::kOutgoingSsnResetRequest: return "Outgoing SSN Reset Request";
    case ParameterType::kIncomingSsnResetRequest: return "Incoming SSN Reset Request";
    case ParameterType::kSsnTsnResetRequest: return "SSN/TSN Reset Request";
    case ParameterType::kReconfigResponse: return "Re-configuration Response";
    case ParameterType::kAddOutgoingStreamsRequest: return "Add Outgoing Streams Request";
    case ParameterType::kAddIncomingStreamsRequest: return "Add Incoming Streams Request";
    case ParameterType::kEcnCapable: return "ECN Capable";
    case ParameterType::kZeroChecksumAcceptable: return "Zero Checksum Acceptable";
    case ParameterType::kRandom: return "Random";
    case ParameterType::kChunkList: return "Chunk List";
    case ParameterType::kHmacAlgorithm: return "Requested HMAC Algorithm";
    case ParameterType::kPadding: return "Padding";
    case ParameterType::kSupportedExtensions: return "Supported Extensions";
    case ParameterType::kForwardTsnSupported: return "Forward-TSN-Supported";
    case ParameterType::kAdaptationLayerIndication: return "Adaptation Layer Indication";
  }
  return nullptr;
}

size_t Parameter::serialized_size() const { return padded_length(kParameterHeaderSize + value.size()); }

void Parameter::serialize(ByteWriter& writer) const {
  write_parameter_header(writer, type, value.size());
  writer.bytes(value);
  write_parameter_padding(writer, value.size());
}

Result<std::vector<Parameter>> parse_parameters(std::span<const uint8_t> area, uint32_t base_offset) {
  std::vector<Parameter> params;
  size_t pos = 0;
  while (pos < area.size()) {
    const uint32_t at = base_offset + static_cast<uint32_t>(pos);
    if (area.size() - pos < kParameterHeaderSize) {
      return Error(SctpErrc::kTruncated, "parameter header runs past the end of the chunk", at);
    }
    if (params.size() == kMaxParametersPerChunk) {
      return Error(SctpErrc::kTooLarge, "more parameters in one chunk than tern accepts", at);
    }
    const uint8_t* p = area.data() + pos;
    const size_t length = load_be16(p + 2);
    // RFC 9260 §3.2.1: Parameter Length includes the 4-byte header.
    if (length < kParameterHeaderSize) {
      return Error(SctpErrc::kBadLength, "Parameter Length below 4", at + 2);
    }
    if (length > area.size() - pos) {
      return Error(SctpErrc::kTruncated, "Parameter Length runs past the end of the chunk", at + 2);
    }
    Parameter param;
    param.type = load_be16(p);
    param.bytes = area.subspan(pos, length);
    param.value = param.bytes.subspan(kParameterHeaderSize);
    params.push_back(param);
    pos += length;
    const size_t pad = padded_length(length) - length;
    pos += pad <= area.size() - pos ? pad : area.size() - pos;
  }
  return params;
}

void write_parameter_header(ByteWriter& writer, uint16_t type, size_t value_length) {
  TERN_ASSERT(value_length <= kMaxParameterValueLength, "parameter value does not fit its length");
  writer.u16(type);
  writer.u16(static_cast<uint16_t>(kParameterHeaderSize + value_length));
}

void write_parameter_padding(ByteWriter& writer, size_t value_length) {
  const size_t total = kParameterHeaderSize + value_length;
  writer.zeros(padded_length(total) - total);
}

}  // namespace tern::sctp
