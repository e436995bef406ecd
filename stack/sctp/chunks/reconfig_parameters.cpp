#include "sctp/chunks/reconfig_parameters.hpp"

#include "common/byte_reader.hpp"
#include "sctp/chunk.hpp"
#include "sctp/errc.hpp"

namespace tern::sctp {
namespace {

std::vector<StreamId> read_streams(ByteReader& r) {
  std::vector<StreamId> streams;
  streams.reserve(r.remaining() / 2);
  while (r.has(2)) streams.push_back(StreamId(r.u16()));
  return streams;
}

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace

const char* reconfig_result_name(uint32_t result) {
  switch (static_cast<ReconfigResult>(result)) {
    case ReconfigResult::kSuccessNothingToDo: return "Success - Nothing to do";
    case ReconfigResult::kSuccessPerformed: return "Success - Performed";
    case ReconfigResult::kDenied: return "Denied";
    case ReconfigResult::kErrorWrongSsn: return "Error - Wrong SSN";
    case ReconfigResult::kErrorRequestAlreadyInProgress: return "Error - Request already in progress";
    case ReconfigResult::kErrorBadSequenceNumber: return "Error - Bad Sequence Number";
    case ReconfigResult::kInProgress: return "In progress";
  }
  return nullptr;
}

Status parse_reconfig_parameter(const Parameter& param, uint32_t at, ReconfigParameter& out) {
  // Each alternative is built in place (no temporaries of the variant).
  ByteReader r(param.value);
  const size_t n = param.value.size();
  switch (static_cast<ParameterType>(param.type)) {
    case ParameterType::kOutgoingSsnResetRequest: {
      // RFC 6525 §4.1: Length = 16 + 2 * N.
      if (n < 12) return Error(SctpErrc::kBadLength, "Outgoing SSN Reset Request shorter than 16", at + 2);
      if (n % 2 != 0) return Error(SctpErrc::kBadValue, "Outgoing SSN Reset Request stream list is odd", at + 2);
      auto& q = out.emplace<OutgoingSsnResetRequest>();
      q.request_sequence = r.u32();
      q.response_sequence = r.u32();
      q.senders_last_assigned_tsn = Tsn(r.u32());
      q.streams = read_streams(r);
      return {};
    }
    case ParameterType::kIncomingSsnResetRequest: {
      // RFC 6525 §4.2: Length = 8 + 2 * N.
      if (n < 4) return Error(SctpErrc::kBadLength, "Incoming SSN Reset Request shorter than 8", at + 2);
      if (n % 2 != 0) return Error(SctpErrc::kBadValue, "Incoming SSN Reset Request stream list is odd", at + 2);
      auto& q = out.emplace<IncomingSsnResetRequest>();
      q.request_sequence = r.u32();
      q.streams = read_streams(r);
      return {};
    }
    case ParameterType::kSsnTsnResetRequest:
      // RFC 6525 §4.3: Length = 8.
      if (n != 4) return Error(SctpErrc::kBadLength, "SSN/TSN Reset Request Length is not 8", at + 2);
      out.emplace<SsnTsnResetRequest>().request_sequence = r.u32();
      return {};
    case ParameterType::kReconfigResponse: {
      // RFC 6525 §4.4: Length 12, or 20 with both next-TSN fields.
      if (n != 8 && n != 16) {
        return Error(SctpErrc::kBadLength, "Re-configuration Response Length is not 12 or 20", at + 2);
      }
      auto& s = out.emplace<ReconfigResponse>();
      s.response_sequence = r.u32();
      s.result = static_cast<ReconfigResult>(r.u32());
      if (n == 16) {
        s.senders_next_tsn = Tsn(r.u32());
        s.receivers_next_tsn = Tsn(r.u32());
      }
      return {};
    }
    case ParameterType::kAddOutgoingStreamsRequest:
    case ParameterType::kAddIncomingStreamsRequest: {
      // RFC 6525 §4.5 / §4.6: Length = 12.
      if (n != 8) return Error(SctpErrc::kBadLength, "Add Streams Request Length is not 12", at + 2);
      auto& q = out.emplace<AddStreamsRequest>();
      q.outgoing = param.type == static_cast<uint16_t>(ParameterType::kAddOutgoingStreamsRequest);
      q.request_sequence = r.u32();
      q.new_streams = r.u16();
      return {};
    }
    default:
      out.emplace<UnknownReconfigParameter>().raw = param;
      return {};
  }
}

size_t serialized_size(const ReconfigParameter& param) {
  return std::visit(
      Overloaded{
          [](const OutgoingSsnResetRequest& q) { return padded_length(16 + 2 * q.streams.size()); },
          [](const IncomingSsnResetRequest& q) { return padded_length(8 + 2 * q.streams.size()); },
          [](const SsnTsnResetRequest&) { return size_t{8}; },
          [](const ReconfigResponse& s) { return size_t{s.senders_next_tsn ? 20u : 12u}; },
          [](const AddStreamsRequest&) { return size_t{12}; },
          [](const UnknownReconfigParameter& u) { return u.raw.serialized_size(); },
      },
      param);
}

size_t unpadded_padding(const ReconfigParameter& param) {
  size_t unpadded = 0;
  if (const auto* q = std::get_if<OutgoingSsnResetRequest>(&param)) unpadded = 16 + 2 * q->streams.size();
  else if (const auto* i = std::get_if<IncomingSsnResetRequest>(&param)) unpadded = 8 + 2 * i->streams.size();
  else if (const auto* u = std::get_if<UnknownReconfigParameter>(&param)) unpadded = 4 + u->raw.value.size();
  else return 0;
  return padded_length(unpadded) - unpadded;
}

void serialize(const ReconfigParameter& param, ByteWriter& writer) {
  std::visit(
      Overloaded{
          [&](const OutgoingSsnResetRequest& q) {
            const size_t value = 12 + 2 * q.streams.size();
            write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kOutgoingSsnResetRequest), value);
            writer.u32(q.request_sequence);
            writer.u32(q.response_sequence);
            writer.u32(q.senders_last_assigned_tsn.value);
            for (StreamId s : q.streams) writer.u16(s.value);
            write_parameter_padding(writer, value);
          },
          [&](const IncomingSsnResetRequest& q) {
            const size_t value = 4 + 2 * q.streams.size();
            write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kIncomingSsnResetRequest), value);
            writer.u32(q.request_sequence);
            for (StreamId s : q.streams) writer.u16(s.value);
            write_parameter_padding(writer, value);
          },
          [&](const SsnTsnResetRequest& q) {
            write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kSsnTsnResetRequest), 4);
            writer.u32(q.request_sequence);
          },
          [&](const ReconfigResponse& s) {
            const bool tsns = s.senders_next_tsn.has_value();
            write_parameter_header(writer, static_cast<uint16_t>(ParameterType::kReconfigResponse), tsns ? 16 : 8);
            writer.u32(s.response_sequence);
            writer.u32(static_cast<uint32_t>(s.result));
            if (tsns) {
              writer.u32(s.senders_next_tsn->value);
              writer.u32(s.receivers_next_tsn.value_or(Tsn(0)).value);
            }
          },
          [&](const AddStreamsRequest& q) {
            const auto type = q.outgoing ? ParameterType::kAddOutgoingStreamsRequest
                                         : ParameterType::kAddIncomingStreamsRequest;
            write_parameter_header(writer, static_cast<uint16_t>(type), 8);
            writer.u32(q.request_sequence);
            writer.u16(q.new_streams);
            writer.u16(0);
          },
          [&](const UnknownReconfigParameter& u) { u.raw.serialize(writer); },
      },
      param);
}

}  // namespace tern::sctp
