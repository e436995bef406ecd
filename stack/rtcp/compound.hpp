#pragma once
// Compound RTCP packets (RFC 3550 §6.1) and reduced-size RTCP (RFC 5506).
//
//   +------------------+------------------+------------------+-- ...
//   | SR or RR         | SDES (CNAME)     | BYE / APP / FB   |
//   | header | fields  | header | fields  | header | fields  |
//   +------------------+------------------+------------------+-- ...
//   |<- length+1 words>|<- length+1 words>|
//
// Packets are stacked with no separator; each one's length field delimits it. By default any
// sequence of packets is accepted, including a lone feedback packet (RFC 5506 §3). With
// ParseOptions::strict_compound the RFC 3550 §A.2 validity checks apply: the first packet is SR or
// RR, and only the last packet may carry padding.
//
// Parsed packets borrow from the input (SDES texts, BYE reason, APP data, extensions, raw bodies):
// keep the bytes alive while the packets are in use.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "common/byte_writer.hpp"
#include "rtcp/app.hpp"
#include "rtcp/bye.hpp"
#include "rtcp/fir.hpp"
#include "rtcp/header.hpp"
#include "rtcp/nack.hpp"
#include "rtcp/pli.hpp"
#include "rtcp/raw_packet.hpp"
#include "rtcp/receiver_report.hpp"
#include "rtcp/remb.hpp"
#include "rtcp/sdes.hpp"
#include "rtcp/sender_report.hpp"
#include "rtcp/transport_cc.hpp"

namespace tern::rtcp {

using PacketBody =
    std::variant<SenderReport, ReceiverReport, Sdes, Bye, App, Nack, TransportCc, Pli, Fir, Remb, RawPacket>;

// One decoded packet of a compound, with its P-bit padding (octets, count octet included).
struct Packet {
  PacketBody body;
  uint8_t padding = 0;

  bool operator==(const Packet&) const = default;
};

struct ParseOptions {
  // RFC 3550 §A.2 checks: first packet SR/RR, padding only on the last packet. Off by default
  // (RFC 5506 reduced-size RTCP).
  bool strict_compound = false;
};

// Walks the packets of a compound without decoding their bodies (no allocation).
class CompoundReader {
 public:
  explicit CompoundReader(std::span<const uint8_t> data, ParseOptions options = {}) : data_(data), options_(options) {}

  // True once every byte has been consumed (or an error was returned).
  bool done() const { return failed_ || pos_ >= data_.size(); }
  // The next packet. Errors: kEmpty (no bytes at all), the parse_packet_view() errors,
  // kNotReport, kPaddingNotLast (strict mode). After an error, done() is true.
  Result<PacketView> next();

 private:
  std::span<const uint8_t> data_;
  ParseOptions options_;
  size_t pos_ = 0;
  bool failed_ = false;
};

// Decodes one delimited packet: SR, RR, SDES, BYE, APP, NACK, TWCC, PLI, FIR, REMB; anything else
// (other PTs, other FMTs, AFB messages other than REMB) becomes a RawPacket.
Result<Packet> parse_packet(const PacketView& v);

// Decodes every packet of a compound. Errors: the CompoundReader errors and the per-type errors.
Result<std::vector<Packet>> parse_compound(std::span<const uint8_t> data, ParseOptions options = {});

// Bytes serialize() will write for one packet (header, fields, fill, padding).
size_t serialized_size(const Packet& packet);
// Appends one packet. Errors: as rtcp::serialize() for its type.
Status serialize(const Packet& packet, ByteWriter& w);
// Bytes serialize_compound() will write.
size_t serialized_size(std::span<const Packet> packets);
// Writes the packets back to back into `out`; returns the bytes written. Errors: as serialize().
Result<size_t> serialize_compound(std::span<const Packet> packets, std::span<uint8_t> out);

// Assembles a compound packet directly in a caller buffer (no allocation):
//   CompoundBuilder b(buffer); b.add(sr); b.add(Sdes::cname(ssrc, cname)); send(b.bytes());
// A failed add() leaves the bytes already added untouched.
class CompoundBuilder {
 public:
  explicit CompoundBuilder(std::span<uint8_t> buffer) : writer_(buffer) {}

  // Appends one packet (with `padding` P-bit padding octets). Errors: as rtcp::serialize().
  template <WirePacket T>
  Status add(const T& packet, uint8_t padding = 0) {
    return serialize(packet, writer_, padding);
  }
  Status add(const Packet& packet) { return serialize(packet, writer_); }

  // The compound built so far.
  std::span<const uint8_t> bytes() const { return writer_.written(); }
  size_t size() const { return writer_.position(); }

 private:
  ByteWriter writer_;
};

}  // namespace tern::rtcp
