#include "sctp/chunks/init_body.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {

bool InitBody::supports_extension(ChunkType type) const {
  if (!supported_extensions) return false;
  return std::find(supported_extensions->begin(), supported_extensions->end(),
                   static_cast<uint8_t>(type)) != supported_extensions->end();
}

std::vector<Parameter> InitBody::parameters_to_report() const {
  std::vector<Parameter> out;
  for (const Parameter& p : other_parameters) {
    if (parameter_type_name(p.type) != nullptr) continue;
    const auto action = unknown_parameter_action(p.type);
    if (action == UnknownParameterAction::kStopAndReport || action == UnknownParameterAction::kSkipAndReport) {
      out.push_back(p);
    }
  }
  return out;
}

size_t InitBody::value_size() const {
  size_t n = kFixedSize;
  if (state_cookie) n += padded_length(kParameterHeaderSize + state_cookie->size());
  if (forward_tsn_supported) n += kParameterHeaderSize;
  if (supported_extensions) n += padded_length(kParameterHeaderSize + supported_extensions->size());
  if (cookie_preservative) n += kParameterHeaderSize + 4;
  for (const auto& u : unrecognized_parameters) n += padded_length(kParameterHeaderSize + u.size());
  for (const Parameter& p : other_parameters) n += p.serialized_size();
  return n;
}

size_t InitBody::unpadded_value_size() const {
  size_t last = 0;  // unpadded length of the last parameter written (0: none)
  if (state_cookie) last = kParameterHeaderSize + state_cookie->size();
  if (forward_tsn_supported) last = kParameterHeaderSize;
  if (supported_extensions) last = kParameterHeaderSize + supported_extensions->size();
  if (cookie_preservative) last = kParameterHeaderSize + 4;
  if (!unrecognized_parameters.empty()) last = kParameterHeaderSize + unrecognized_parameters.back().size();
  if (!other_parameters.empty()) last = kParameterHeaderSize + other_parameters.back().value.size();
  return value_size() - (padded_length(last) - last);
}

void InitBody::serialize_value(ByteWriter& writer) const {
  writer.u32(initiate_tag);
  writer.u32(a_rwnd);
  writer.u16(outbound_streams);
  writer.u16(inbound_streams);
  writer.u32(initial_tsn.value);
  if (state_cookie) Parameter{static_cast<uint16_t>(ParameterType::kStateCookie), *state_cookie, {}}.serialize(writer);
  if (forward_tsn_supported) write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kForwardTsnSupported), 0);
  if (supported_extensions) {
    Parameter{static_cast<uint16_t>(ParameterType::kSupportedExtensions), *supported_extensions, {}}.serialize(writer);
  }
  if (cookie_preservative) {
    write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kCookiePreservative), 4);
    writer.u32(*cookie_preservative);
  }
  for (const auto& u : unrecognized_parameters) {
    Parameter{static_cast<uint16_t>(ParameterType::kUnrecognizedParameter), u, {}}.serialize(writer);
  }
  for (const Parameter& p : other_parameters) p.serialize(writer);
}

Result<InitBody> InitBody::parse_value(const RawChunk& chunk) {
  if (chunk.value.size() < kFixedSize) {
    return Error(SctpErrc::kBadLength, "INIT/INIT ACK shorter than its 20-byte fixed part", chunk.offset + 2);
  }
  const uint8_t* p = chunk.value.data();
  InitBody b;
  b.initiate_tag = load_be32(p);
  b.a_rwnd = load_be32(p + 4);
  b.outbound_streams = load_be16(p + 8);
  b.inbound_streams = load_be16(p + 10);
  b.initial_tsn = Tsn(load_be32(p + 12));
  // RFC 9260 §3.3.2: the Initiate Tag MUST NOT be 0; a receiver silently discards such an INIT.
  if (b.initiate_tag == 0) return Error(SctpErrc::kBadValue, "Initiate Tag is 0", chunk.offset + 4);
  // RFC 9260 §3.3.2: neither stream count may be 0.
  if (b.outbound_streams == 0) {
    return Error(SctpErrc::kBadValue, "Number of Outbound Streams is 0", chunk.offset + 12);
  }
  if (b.inbound_streams == 0) {
    return Error(SctpErrc::kBadValue, "Number of Inbound Streams is 0", chunk.offset + 14);
  }
  const uint32_t params_at = chunk.offset + static_cast<uint32_t>(kChunkHeaderSize + kFixedSize);
  auto params = parse_parameters(chunk.value.subspan(kFixedSize), params_at);
  if (!params) return params.error();
  for (const Parameter& param : *params) {
    const uint32_t at = params_at + static_cast<uint32_t>(param.bytes.data() - chunk.value.data() - kFixedSize);
    switch (static_cast<ParameterType>(param.type)) {
      case ParameterType::kStateCookie:
        if (b.state_cookie) return Error(SctpErrc::kDuplicateParameter, "State Cookie appears twice", at);
        if (param.value.empty()) return Error(SctpErrc::kBadLength, "State Cookie is empty", at + 2);
        b.state_cookie = param.value;
        break;
      case ParameterType::kForwardTsnSupported:
        // RFC 3758 §3.1: the parameter has no value (Parameter Length 4).
        if (!param.value.empty()) {
          return Error(SctpErrc::kBadLength, "Forward-TSN-Supported length is not 4", at + 2);
        }
        b.forward_tsn_supported = true;
        break;
      case ParameterType::kSupportedExtensions:
        if (b.supported_extensions) {
          return Error(SctpErrc::kDuplicateParameter, "Supported Extensions appears twice", at);
        }
        b.supported_extensions.emplace(param.value.begin(), param.value.end());
        break;
      case ParameterType::kCookiePreservative:
        if (param.value.size() != 4) {
          return Error(SctpErrc::kBadLength, "Cookie Preservative length is not 8", at + 2);
        }
        b.cookie_preservative = load_be32(param.value.data());
        break;
      case ParameterType::kUnrecognizedParameter:
        b.unrecognized_parameters.push_back(param.value);
        break;
      default:
        b.other_parameters.push_back(param);
        // RFC 9260 §3.2.1: an unknown parameter whose two high bits are 00 or 01 stops the
        // processing of the remaining parameters of the chunk.
        if (parameter_type_name(param.type) == nullptr) {
          const auto action = unknown_parameter_action(param.type);
          if (action == UnknownParameterAction::kStop || action == UnknownParameterAction::kStopAndReport) {
            b.stopped_at_unknown = true;
            return b;
          }
        }
        break;
    }
  }
  return b;
}

}  // namespace tern::sctp
