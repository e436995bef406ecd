// tern-inspect: decodes SDP, ICE candidates and datagrams (STUN, TURN ChannelData, RTP, RTCP,
// classified by the RFC 7983 first byte) and prints the structure, or the exact error.
//
//   tern-inspect sdp FILE|-
//   tern-inspect candidate "candidate:..."
//   tern-inspect packet|stun|rtp|rtcp|channeldata HEX|@FILE|-
//
// Exit status: 0 decoded, 1 the input is malformed (the error is printed), 2 usage.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "common/hex.hpp"
#include "rtcp/describe.hpp"
#include "rtp/demux.hpp"
#include "rtp/packet.hpp"
#include "sdp/candidate.hpp"
#include "sdp/describe.hpp"
#include "sdp/session_description.hpp"
#include "stun/describe.hpp"
#include "stun/message.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tern-inspect sdp FILE|-\n"
    "       tern-inspect candidate \"candidate:...\"\n"
    "       tern-inspect packet|stun|rtp|rtcp|channeldata HEX|@FILE|-\n"
    "HEX may contain spaces, newlines and ':' separators (as Wireshark prints it).\n";

bool read_text(const std::string& source, std::string& out) {
  if (source == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream file(source, std::ios::binary);
  if (!file) return false;
  std::ostringstream text;
  text << file.rdbuf();
  out = text.str();
  return true;
}

// The argument itself is hex, or '@FILE' / '-' name where to read hex from.
bool read_hex_argument(const std::string& argument, std::vector<uint8_t>& out) {
  std::string text = argument;
  if (argument == "-" || (!argument.empty() && argument[0] == '@')) {
    std::string source = argument == "-" ? argument : argument.substr(1);
    if (!read_text(source, text)) {
      std::fprintf(stderr, "tern-inspect: cannot read %s\n", source.c_str());
      return false;
    }
  }
  auto bytes = tern::from_hex(text);
  if (!bytes) {
    std::fprintf(stderr, "tern-inspect: %s\n", bytes.error().to_string().c_str());
    return false;
  }
  out = std::move(*bytes);
  return true;
}

int report_error(const char* what, const tern::Error& error) {
  std::printf("%s: error: %s\n", what, error.to_string().c_str());
  return 1;
}

int inspect_sdp(const std::string& source) {
  std::string text;
  if (!read_text(source, text)) {
    std::fprintf(stderr, "tern-inspect: cannot read %s\n", source.c_str());
    return 2;
  }
  auto description = tern::sdp::parse(text);
  if (!description) return report_error("sdp", description.error());
  std::fputs(tern::sdp::describe(*description).c_str(), stdout);
  return 0;
}

int inspect_candidate(const std::string& text) {
  auto candidate = tern::sdp::parse_candidate(text);
  if (!candidate) return report_error("candidate", candidate.error());
  const auto& c = *candidate;
  std::printf("ICE candidate (RFC 8839 §5.1)\n");
  std::printf("  foundation  %s\n  component   %u\n  transport   %s\n  priority    %u\n", c.foundation.c_str(),
              c.component, c.transport.c_str(), c.priority);
  std::printf("  address     %s%s\n  port        %u\n  type        %s\n", c.address.c_str(),
              c.is_mdns() ? " (mDNS name: resolve before use)" : "", c.port,
              std::string(tern::sdp::candidate_type_name(c.type)).c_str());
  if (c.related_address) std::printf("  raddr       %s\n", c.related_address->c_str());
  if (c.related_port) std::printf("  rport       %u\n", *c.related_port);
  if (c.tcp_type) std::printf("  tcptype     %s\n", std::string(tern::sdp::tcp_type_name(*c.tcp_type)).c_str());
  for (const auto& e : c.extensions) std::printf("  %-11s %s\n", e.name.c_str(), e.value.c_str());
  std::printf("serialized: %s\n", tern::sdp::serialize_trickle(c).c_str());
  return 0;
}

int inspect_stun(std::span<const uint8_t> bytes) {
  tern::stun::Message message;
  if (auto status = tern::stun::parse(bytes, message); !status) return report_error("stun", status.error());
  std::fputs(tern::stun::describe(message).c_str(), stdout);
  return 0;
}

int inspect_channel_data(std::span<const uint8_t> bytes) {
  auto message = tern::stun::parse_channel_data(bytes, tern::stun::ChannelDataFraming::kDatagram);
  if (!message) return report_error("channeldata", message.error());
  std::fputs(tern::stun::describe(*message).c_str(), stdout);
  return 0;
}

int inspect_rtp(std::span<const uint8_t> bytes) {
  auto packet = tern::rtp::RtpPacket::parse(bytes);
  if (!packet) return report_error("rtp", packet.error());
  std::fputs(tern::rtp::describe(*packet).c_str(), stdout);
  return 0;
}

int inspect_rtcp(std::span<const uint8_t> bytes) {
  auto packets = tern::rtcp::parse_compound(bytes);
  if (!packets) return report_error("rtcp", packets.error());
  std::fputs(tern::rtcp::describe(std::span<const tern::rtcp::Packet>(*packets)).c_str(), stdout);
  return 0;
}

// RFC 7983 (as updated by RFC 9443): the first byte says which protocol a datagram belongs to.
int inspect_packet(std::span<const uint8_t> bytes) {
  using tern::rtp::PacketClass;
  PacketClass kind = tern::rtp::classify_packet(bytes);
  std::printf("RFC 7983 demultiplexing: %s (first byte %s)\n", std::string(tern::rtp::packet_class_name(kind)).c_str(),
              bytes.empty() ? "none" : tern::to_hex(bytes.first(1)).c_str());
  switch (kind) {
    case PacketClass::kStun: return inspect_stun(bytes);
    case PacketClass::kTurnChannel: return inspect_channel_data(bytes);
    case PacketClass::kRtp: return inspect_rtp(bytes);
    case PacketClass::kRtcp: return inspect_rtcp(bytes);
    case PacketClass::kDtls:
    case PacketClass::kZrtp:
    case PacketClass::kQuic:
      std::printf("(%zu bytes; tern-inspect does not decode this protocol yet)\n", bytes.size());
      return 0;
    case PacketClass::kDrop: std::printf("not a WebRTC datagram: an endpoint drops it\n"); return 1;
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string_view command = argv[1];
  const std::string argument = argv[2];
  if (command == "sdp") return inspect_sdp(argument);
  if (command == "candidate") return inspect_candidate(argument);

  int (*decode)(std::span<const uint8_t>) = nullptr;
  if (command == "packet") decode = inspect_packet;
  else if (command == "stun") decode = inspect_stun;
  else if (command == "rtp") decode = inspect_rtp;
  else if (command == "rtcp") decode = inspect_rtcp;
  else if (command == "channeldata") decode = inspect_channel_data;
  if (!decode) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::vector<uint8_t> bytes;
  if (!read_hex_argument(argument, bytes)) return 2;
  return decode(bytes);
}
