#include "sctp/describe.hpp"

#include <algorithm>
#include <cstdio>

#include "common/hex.hpp"
#include "sctp/errc.hpp"
#include "sctp/packet.hpp"

namespace tern::sctp {
namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

std::string hex_prefix(std::span<const uint8_t> bytes) {
  constexpr size_t kMax = 32;
  std::string s = to_hex(bytes.first(std::min(bytes.size(), kMax)));
  if (bytes.size() > kMax) s += "...";
  return s;
}

std::string streams_list(const std::vector<StreamId>& streams) {
  if (streams.empty()) return "(all)";
  std::string s;
  for (size_t i = 0; i < streams.size(); ++i) s += (i ? "," : "") + std::to_string(streams[i].value);
  return s;
}

void describe_init(std::string& out, const InitBody& b, const std::string& in) {
  out += in + "initiate_tag: " + std::to_string(b.initiate_tag) + "\n";
  out += in + "a_rwnd: " + std::to_string(b.a_rwnd) + "\n";
  out += in + "outbound_streams: " + std::to_string(b.outbound_streams) + "\n";
  out += in + "inbound_streams: " + std::to_string(b.inbound_streams) + "\n";
  out += in + "initial_tsn: " + std::to_string(b.initial_tsn.value) + "\n";
  if (b.state_cookie) {
    out += in + "state_cookie: " + std::to_string(b.state_cookie->size()) + " bytes " + hex_prefix(*b.state_cookie) + "\n";
  }
  if (b.forward_tsn_supported) out += in + "forward_tsn_supported\n";
  if (b.supported_extensions) {
    out += in + "supported_extensions:";
    for (uint8_t t : *b.supported_extensions) {
      const char* name = chunk_type_name(t);
      out += std::string(" ") + (name ? name : std::to_string(t));
    }
    out += "\n";
  }
  if (b.cookie_preservative) out += in + "cookie_preservative_ms: " + std::to_string(*b.cookie_preservative) + "\n";
  for (const auto& u : b.unrecognized_parameters) out += in + "unrecognized_parameter: " + hex_prefix(u) + "\n";
  for (const Parameter& p : b.other_parameters) {
    const char* name = parameter_type_name(p.type);
    out += in + "parameter " + (name ? name : "type " + std::to_string(p.type)) + ": " + hex_prefix(p.value) + "\n";
  }
  if (b.stopped_at_unknown) out += in + "(processing stopped at an unknown parameter)\n";
}

}  // namespace

std::string describe(const AnyChunk& chunk, const std::string& in) {
  std::string out;
  std::visit(
      Overloaded{
          [&](const DataChunk& d) {
            out += "DATA\n";
            out += in + "tsn: " + std::to_string(d.tsn.value) + "\n";
            out += in + "stream: " + std::to_string(d.stream.value) + "\n";
            out += in + "ssn: " + std::to_string(d.ssn) + "\n";
            out += in + "ppid: " + std::to_string(d.ppid) + "\n";
            out += in + "flags:" + (d.unordered ? " U" : "") + (d.beginning ? " B" : "") + (d.ending ? " E" : "") +
                   (d.immediate ? " I" : "") + "\n";
            out += in + "payload: " + std::to_string(d.payload.size()) + " bytes " + hex_prefix(d.payload) + "\n";
          },
          [&](const InitChunk& c) {
            out += "INIT\n";
            describe_init(out, c, in);
          },
          [&](const InitAckChunk& c) {
            out += "INIT-ACK\n";
            describe_init(out, c, in);
          },
          [&](const SackChunk& s) {
            out += "SACK\n";
            out += in + "cumulative_tsn_ack: " + std::to_string(s.cumulative_tsn_ack.value) + "\n";
            out += in + "a_rwnd: " + std::to_string(s.a_rwnd) + "\n";
            for (const GapAckBlock& g : s.gap_ack_blocks) {
              out += in + "gap_ack_block: " + std::to_string(g.start) + "-" + std::to_string(g.end) + "\n";
            }
            for (Tsn t : s.duplicate_tsns) out += in + "duplicate_tsn: " + std::to_string(t.value) + "\n";
          },
          [&](const HeartbeatRequestChunk& h) {
            out += "HEARTBEAT\n" + in + "info: " + hex_prefix(h.info) + "\n";
          },
          [&](const HeartbeatAckChunk& h) {
            out += "HEARTBEAT-ACK\n" + in + "info: " + hex_prefix(h.info) + "\n";
          },
          [&](const AbortChunk& a) {
            out += std::string("ABORT") + (a.t_bit ? " (T)" : "") + "\n";
            for (const ErrorCause& c : a.causes) out += in + "cause: " + describe(c) + "\n";
          },
          [&](const ShutdownChunk& s) {
            out += "SHUTDOWN\n" + in + "cumulative_tsn_ack: " + std::to_string(s.cumulative_tsn_ack.value) + "\n";
          },
          [&](const ShutdownAckChunk&) { out += "SHUTDOWN-ACK\n"; },
          [&](const ErrorChunk& e) {
            out += "ERROR\n";
            for (const ErrorCause& c : e.causes) out += in + "cause: " + describe(c) + "\n";
          },
          [&](const CookieEchoChunk& c) {
            out += "COOKIE-ECHO\n" + in + "cookie: " + std::to_string(c.cookie.size()) + " bytes " +
                   hex_prefix(c.cookie) + "\n";
          },
          [&](const CookieAckChunk&) { out += "COOKIE-ACK\n"; },
          [&](const ShutdownCompleteChunk& s) { out += std::string("SHUTDOWN-COMPLETE") + (s.t_bit ? " (T)" : "") + "\n"; },
          [&](const IDataChunk& d) {
            out += "I-DATA\n";
            out += in + "tsn: " + std::to_string(d.tsn.value) + "\n";
            out += in + "stream: " + std::to_string(d.stream.value) + "\n";
            out += in + "message_id: " + std::to_string(d.message_id) + "\n";
            if (d.beginning) {
              out += in + "ppid: " + std::to_string(d.ppid) + "\n";
            } else {
              out += in + "fsn: " + std::to_string(d.fsn) + "\n";
            }
            out += in + "flags:" + (d.unordered ? " U" : "") + (d.beginning ? " B" : "") + (d.ending ? " E" : "") +
                   (d.immediate ? " I" : "") + "\n";
            out += in + "payload: " + std::to_string(d.payload.size()) + " bytes " + hex_prefix(d.payload) + "\n";
          },
          [&](const ReconfigChunk& r) {
            out += "RE-CONFIG\n";
            for (const ReconfigParameter& p : r.parameters) {
              std::visit(
                  Overloaded{
                      [&](const OutgoingSsnResetRequest& q) {
                        out += in + "outgoing_ssn_reset_request: req_seq=" + std::to_string(q.request_sequence) +
                               " resp_seq=" + std::to_string(q.response_sequence) +
                               " last_tsn=" + std::to_string(q.senders_last_assigned_tsn.value) +
                               " streams=" + streams_list(q.streams) + "\n";
                      },
                      [&](const IncomingSsnResetRequest& q) {
                        out += in + "incoming_ssn_reset_request: req_seq=" + std::to_string(q.request_sequence) +
                               " streams=" + streams_list(q.streams) + "\n";
                      },
                      [&](const SsnTsnResetRequest& q) {
                        out += in + "ssn_tsn_reset_request: req_seq=" + std::to_string(q.request_sequence) + "\n";
                      },
                      [&](const ReconfigResponse& s) {
                        const char* name = reconfig_result_name(static_cast<uint32_t>(s.result));
                        out += in + "response: resp_seq=" + std::to_string(s.response_sequence) + " result=" +
                               (name ? name : std::to_string(static_cast<uint32_t>(s.result)));
                        if (s.senders_next_tsn) {
                          out += " senders_next_tsn=" + std::to_string(s.senders_next_tsn->value) +
                                 " receivers_next_tsn=" + std::to_string(s.receivers_next_tsn->value);
                        }
                        out += "\n";
                      },
                      [&](const AddStreamsRequest& q) {
                        out += in + (q.outgoing ? "add_outgoing_streams" : "add_incoming_streams") +
                               ": req_seq=" + std::to_string(q.request_sequence) +
                               " new_streams=" + std::to_string(q.new_streams) + "\n";
                      },
                      [&](const UnknownReconfigParameter& u) {
                        out += in + "parameter type " + std::to_string(u.raw.type) + ": " + hex_prefix(u.raw.value) + "\n";
                      },
                  },
                  p);
            }
          },
          [&](const ForwardTsnChunk& f) {
            out += "FORWARD-TSN\n" + in + "new_cumulative_tsn: " + std::to_string(f.new_cumulative_tsn.value) + "\n";
            for (const auto& s : f.skipped) {
              out += in + "skipped: stream=" + std::to_string(s.stream.value) + " ssn=" + std::to_string(s.ssn) + "\n";
            }
          },
          [&](const IForwardTsnChunk& f) {
            out += "I-FORWARD-TSN\n" + in + "new_cumulative_tsn: " + std::to_string(f.new_cumulative_tsn.value) + "\n";
            for (const auto& m : f.skipped) {
              out += in + "skipped: stream=" + std::to_string(m.stream.value) + (m.unordered ? " unordered" : "") +
                     " message_id=" + std::to_string(m.message_id) + "\n";
            }
          },
          [&](const UnknownChunk& u) {
            out += "chunk type " + std::to_string(u.type) + " flags=" + std::to_string(u.flags) + "\n";
            out += in + "value: " + std::to_string(u.value.size()) + " bytes " + hex_prefix(u.value) + "\n";
          },
      },
      chunk);
  return out;
}

std::string describe_packet(std::span<const uint8_t> packet) {
  auto header = parse_common_header(packet);
  if (!header) return "SCTP packet: " + header.error().to_string() + "\n";
  std::string out = "SCTP packet (" + std::to_string(packet.size()) + " bytes)\n";
  out += "  source_port: " + std::to_string(header->source_port) + "\n";
  out += "  destination_port: " + std::to_string(header->destination_port) + "\n";
  out += "  verification_tag: " + std::to_string(header->verification_tag) + "\n";
  char checksum[16];
  std::snprintf(checksum, sizeof checksum, "0x%08x", header->checksum);
  out += std::string("  checksum: ") + checksum + (verify_packet_checksum(packet) ? " (ok)" : " (BAD)") + "\n";
  auto view = parse_packet(packet, /*verify_checksum=*/false);
  if (!view) return out + "  error: " + view.error().to_string() + "\n";
  for (const RawChunk& raw : view->chunks) {
    auto chunk = parse_any_chunk(raw);
    if (!chunk) {
      const char* name = chunk_type_name(raw.type);
      out += std::string("  chunk ") + (name ? name : std::to_string(raw.type)) + ": " +
             chunk.error().to_string() + "\n";
      continue;
    }
    out += "  " + describe(*chunk, "    ");
  }
  return out;
}

}  // namespace tern::sctp
