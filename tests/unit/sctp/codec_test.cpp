// SCTP packet codec: common header and CRC-32c, the chunk/parameter TLVs, every chunk type as a
// table-driven round trip (bytes -> fields -> bytes) with failure tables beside them.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/hex.hpp"
#include "sctp/chunks/any_chunk.hpp"
#include "sctp/describe.hpp"
#include "sctp/errc.hpp"
#include "sctp/packet.hpp"

namespace tern::sctp {
namespace {

std::vector<uint8_t> bytes(const char* hex) {
  auto r = from_hex(hex);
  REQUIRE(r.ok());
  return *r;
}

// The single chunk in `hex` (a whole padded chunk).
RawChunk raw(const std::vector<uint8_t>& chunk) {
  auto chunks = parse_chunks(chunk);
  REQUIRE(chunks.ok());
  REQUIRE(chunks->size() == 1);
  return (*chunks)[0];
}

template <class C>
std::vector<uint8_t> encode(const C& c) {
  return serialize_chunk(c);
}

// A packet with the given header fields and chunk bytes, with a valid checksum.
std::vector<uint8_t> packet(uint32_t tag, const std::vector<uint8_t>& chunks) {
  std::vector<uint8_t> p(12 + chunks.size());
  store_be16(p.data(), 5000);
  store_be16(p.data() + 2, 5001);
  store_be32(p.data() + 4, tag);
  std::copy(chunks.begin(), chunks.end(), p.begin() + 12);
  set_packet_checksum(p);
  return p;
}

TEST_CASE("CRC-32c checksum matches an independently generated INIT packet", "[sctp][codec]") {
  // An INIT (with an IPv4 address parameter) built by another SCTP implementation (Scapy), whose
  // checksum field reads 40 2c 0b 5f: RFC 9260 Appendix A puts the reflected CRC's least
  // significant byte first.
  const auto p = bytes("0000 0000 00000000 402c0b5f 0100001c 00000000 00000000 00000000 00000000 00050008 7f000001");
  CHECK(packet_checksum(p) == 0x402c0b5fu);
  CHECK(verify_packet_checksum(p));
  auto view = parse_packet(p);
  REQUIRE(view.ok());
  CHECK(view->header.checksum == 0x402c0b5fu);
  REQUIRE(view->chunks.size() == 1);
  CHECK(view->chunks[0].chunk_type() == ChunkType::kInit);
  // Its Initiate Tag and stream counts are 0, which RFC 9260 §3.3.2 forbids.
  auto init = InitChunk::parse(view->chunks[0]);
  REQUIRE_FALSE(init.ok());
  CHECK(init.error().is(SctpErrc::kBadValue));

  auto corrupted = p;
  corrupted[20] ^= 1;
  CHECK_FALSE(verify_packet_checksum(corrupted));
  auto bad = parse_packet(corrupted);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().is(SctpErrc::kBadChecksum));
  CHECK(parse_packet(corrupted, /*verify_checksum=*/false).ok());
}

TEST_CASE("common header round trip", "[sctp][codec]") {
  const auto p = packet(0xdeadbeef, bytes("0b000004"));
  auto view = parse_packet(p);
  REQUIRE(view.ok());
  CHECK(view->header.source_port == 5000);
  CHECK(view->header.destination_port == 5001);
  CHECK(view->header.verification_tag == 0xdeadbeefu);
  CHECK(view->header.checksum == load_be32(p.data() + 8));
  std::vector<uint8_t> out(12);
  ByteWriter w(out);
  serialize(view->header, w);
  set_packet_checksum(out);
  CHECK(std::equal(out.begin(), out.begin() + 8, p.begin()));
}

TEST_CASE("packet failure table", "[sctp][codec]") {
  struct Row {
    const char* name;
    std::vector<uint8_t> packet;
    SctpErrc code;
    uint32_t position;
  };
  const Row rows[] = {
      {"shorter than the common header", bytes("13881389 00000001 000000"), SctpErrc::kTruncated, 11},
      {"no chunk", packet(1, {}), SctpErrc::kBadLength, 12},
      {"chunk header cut", packet(1, bytes("0b00")), SctpErrc::kTruncated, 12},
      {"Chunk Length below 4", packet(1, bytes("0b000002")), SctpErrc::kBadLength, 14},
      {"Chunk Length past the end", packet(1, bytes("0a000010 01020304")), SctpErrc::kTruncated, 14},
      {"second chunk truncated", packet(1, bytes("0b000004 0a00")), SctpErrc::kTruncated, 16},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    auto r = parse_packet(row.packet);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(row.code));
    CHECK(r.error().position() == row.position);
  }
  // The checksum is verified before the chunks are looked at.
  auto p = packet(1, bytes("0b000004"));
  p[8] ^= 0xff;
  auto r = parse_packet(p);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(SctpErrc::kBadChecksum));
}

TEST_CASE("chunks: padding is skipped, and may be missing after the last chunk", "[sctp][codec]") {
  // COOKIE ECHO with a 3-byte cookie (1 padding byte, non-zero padding is ignored), then a
  // HEARTBEAT whose last padding byte is absent.
  auto chunks = parse_chunks(bytes("0a000007 aabbcc ff 0400000b 00010007 010203"));
  REQUIRE(chunks.ok());
  REQUIRE(chunks->size() == 2);
  CHECK((*chunks)[0].value.size() == 3);
  CHECK((*chunks)[1].offset == 8);
  CHECK((*chunks)[1].value.size() == 7);
}

TEST_CASE("DATA round trip", "[sctp][codec]") {
  struct Row {
    const char* hex;
    uint32_t tsn;
    uint16_t stream, ssn;
    uint32_t ppid;
    bool unordered, beginning, ending, immediate;
    const char* payload;
  };
  const Row rows[] = {
      {"00030014 00000001 00050007 00000033 61626364", 1, 5, 7, 0x33, false, true, true, false, "61626364"},
      {"000d0013 fffffffe 0000ffff 00000035 61626300", 0xfffffffe, 0, 0xffff, 0x35, true, false, true, true,
       "616263"},
      {"00000011 00000010 00010002 00000000 7a000000", 16, 1, 2, 0, false, false, false, false, "7a"},
  };
  for (const Row& row : rows) {
    INFO(row.hex);
    const auto b = bytes(row.hex);
    auto d = DataChunk::parse(raw(b));
    REQUIRE(d.ok());
    CHECK(d->tsn == Tsn(row.tsn));
    CHECK(d->stream == StreamId(row.stream));
    CHECK(d->ssn == row.ssn);
    CHECK(d->ppid == row.ppid);
    CHECK(d->unordered == row.unordered);
    CHECK(d->beginning == row.beginning);
    CHECK(d->ending == row.ending);
    CHECK(d->immediate == row.immediate);
    CHECK(to_hex(d->payload) == row.payload);
    CHECK(encode(*d) == b);
  }
}

TEST_CASE("I-DATA round trip", "[sctp][codec]") {
  const auto first = bytes("40030018 00000001 00020000 00000007 00000033 68656c6c");
  auto d = IDataChunk::parse(raw(first));
  REQUIRE(d.ok());
  CHECK(d->tsn == Tsn(1));
  CHECK(d->stream == StreamId(2));
  CHECK(d->message_id == 7);
  CHECK(d->ppid == 0x33);
  CHECK(d->beginning);
  CHECK(d->ending);
  CHECK(to_hex(d->payload) == "68656c6c");
  CHECK(encode(*d) == first);
  // A middle fragment carries the FSN where the first carries the PPID.
  const auto middle = bytes("40040015 00000002 00020000 00000007 00000003 21000000");
  auto m = IDataChunk::parse(raw(middle));
  REQUIRE(m.ok());
  CHECK(m->unordered);
  CHECK_FALSE(m->beginning);
  CHECK(m->fsn == 3);
  CHECK(m->ppid == 0);
  CHECK(encode(*m) == middle);
}

TEST_CASE("INIT and INIT ACK round trip", "[sctp][codec]") {
  // INIT: Forward-TSN-Supported, Supported Extensions {RE-CONFIG, FORWARD-TSN}. Chunk Length (30)
  // leaves out the last parameter's 2 padding bytes (RFC 9260 §3.2).
  const auto init_bytes = bytes("0100001e 01020304 00100000 ffff0400 0a0b0c0d c0000004 80080006 82c00000");
  auto init = InitChunk::parse(raw(init_bytes));
  REQUIRE(init.ok());
  CHECK(init->initiate_tag == 0x01020304u);
  CHECK(init->a_rwnd == 0x100000u);
  CHECK(init->outbound_streams == 0xffff);
  CHECK(init->inbound_streams == 0x0400);
  CHECK(init->initial_tsn == Tsn(0x0a0b0c0d));
  CHECK(init->forward_tsn_supported);
  CHECK(init->supports_extension(ChunkType::kReconfig));
  CHECK(init->supports_extension(ChunkType::kForwardTsn));
  CHECK_FALSE(init->supports_extension(ChunkType::kIData));
  CHECK_FALSE(init->state_cookie.has_value());
  CHECK(encode(*init) == init_bytes);

  // INIT ACK: State Cookie, Forward-TSN-Supported, Supported Extensions {FORWARD-TSN}, Cookie
  // Preservative, Unrecognized Parameter, an IPv4 address kept raw.
  const auto ack_bytes = bytes(
      "02000040 11111111 00010000 04000400 00000001 00070008 cafebabe c0000004 80080005 c0000000"
      "00090008 000003e8 00080008 c1230004 00050008 c0a80001");
  auto ack = InitAckChunk::parse(raw(ack_bytes));
  REQUIRE(ack.ok());
  CHECK(ack->initiate_tag == 0x11111111u);
  REQUIRE(ack->state_cookie.has_value());
  CHECK(to_hex(*ack->state_cookie) == "cafebabe");
  CHECK(ack->forward_tsn_supported);
  CHECK(ack->supports_extension(ChunkType::kForwardTsn));
  CHECK(ack->cookie_preservative == 1000u);
  REQUIRE(ack->unrecognized_parameters.size() == 1);
  CHECK(to_hex(ack->unrecognized_parameters[0]) == "c1230004");
  REQUIRE(ack->other_parameters.size() == 1);
  CHECK(ack->other_parameters[0].type == static_cast<uint16_t>(ParameterType::kIpv4Address));
  CHECK(encode(*ack) == ack_bytes);
}

TEST_CASE("INIT unknown parameters follow their upper two bits", "[sctp][codec]") {
  // RFC 9260 §3.2.1. Each INIT has the unknown parameter first, then Forward-TSN-Supported.
  struct Row {
    const char* unknown;
    bool stopped;
    bool reported;
  };
  const Row rows[] = {
      {"01230004", true, false},   // 00: stop, do not report
      {"41230004", true, true},    // 01: stop and report
      {"81230004", false, false},  // 10: skip
      {"c1230004", false, true},   // 11: skip and report
  };
  for (const Row& row : rows) {
    INFO(row.unknown);
    const std::string hex = std::string("0100001c 01020304 00100000 00010001 00000001 ") + row.unknown + " c0000004";
    auto init = InitChunk::parse(raw(bytes(hex.c_str())));
    REQUIRE(init.ok());
    CHECK(init->stopped_at_unknown == row.stopped);
    CHECK(init->forward_tsn_supported == !row.stopped);
    CHECK(init->parameters_to_report().size() == (row.reported ? 1u : 0u));
  }
}

TEST_CASE("SACK round trip", "[sctp][codec]") {
  const auto b = bytes("0300001c 00000064 00010000 00020001 00020003 00050005 00000062");
  auto s = SackChunk::parse(raw(b));
  REQUIRE(s.ok());
  CHECK(s->cumulative_tsn_ack == Tsn(100));
  CHECK(s->a_rwnd == 65536u);
  REQUIRE(s->gap_ack_blocks.size() == 2);
  CHECK(s->gap_ack_blocks[0] == GapAckBlock{2, 3});
  CHECK(s->gap_ack_blocks[1] == GapAckBlock{5, 5});
  REQUIRE(s->duplicate_tsns.size() == 1);
  CHECK(s->duplicate_tsns[0] == Tsn(98));
  CHECK(encode(*s) == b);
  const auto empty = bytes("03000010 ffffffff 00000000 00000000");
  auto e = SackChunk::parse(raw(empty));
  REQUIRE(e.ok());
  CHECK(e->gap_ack_blocks.empty());
  CHECK(encode(*e) == empty);
}

TEST_CASE("control chunks round trip", "[sctp][codec]") {
  const char* rows[] = {
      "0400000b 00010007 01020300",                                // HEARTBEAT
      "0500000b 00010007 01020300",                                // HEARTBEAT ACK
      "0601000b 000c0007 62796500",                                // ABORT (T) User-Initiated Abort "bye"
      "06000004",                                                  // ABORT without causes
      "07000008 00000064",                                         // SHUTDOWN
      "08000004",                                                  // SHUTDOWN ACK
      "0900000c 00010008 00030000",                                // ERROR Invalid Stream Identifier 3
      "0a000007 aabbcc00",                                         // COOKIE ECHO
      "0b000004",                                                  // COOKIE ACK
      "0e010004",                                                  // SHUTDOWN COMPLETE (T)
      "c0000010 00000064 00010005 00020009",                       // FORWARD TSN
      "c2000010 00000064 00010001 00000007",                       // I-FORWARD-TSN
      "82000024 000d0012 00000010 00000020 00000030 00040000 0010000c 00000021 00000001",  // RE-CONFIG
      "82000018 000e000a 00000005 00010000 000f0008 00000006",     // RE-CONFIG incoming + SSN/TSN
      "82000018 00100014 00000007 00000001 00000100 00000200",     // RE-CONFIG response with TSNs
      "8200001c 0011000c 00000008 00040000 0012000c 00000009 00020000",  // Add streams
      "85120006 01020000",                                         // unknown chunk type, kept raw
  };
  for (const char* hex : rows) {
    INFO(hex);
    const auto b = bytes(hex);
    auto c = parse_any_chunk(raw(b));
    REQUIRE(c.ok());
    std::vector<uint8_t> out(serialized_size(*c));
    ByteWriter w(out);
    serialize(*c, w);
    REQUIRE(w.ok());
    CHECK(to_hex(out) == to_hex(b));
  }
}

TEST_CASE("decoded control chunk fields", "[sctp][codec]") {
  const auto abort_bytes = bytes("0601000b 000c0007 62796500");
  auto abort = AbortChunk::parse(raw(abort_bytes));
  REQUIRE(abort.ok());
  CHECK(abort->t_bit);
  REQUIRE(abort->causes.size() == 1);
  CHECK(abort->causes[0].code == static_cast<uint16_t>(ErrorCauseCode::kUserInitiatedAbort));
  CHECK(describe(abort->causes[0]) == "User-Initiated Abort: \"bye\"");

  auto fwd = ForwardTsnChunk::parse(raw(bytes("c0000010 00000064 00010005 00020009")));
  REQUIRE(fwd.ok());
  CHECK(fwd->new_cumulative_tsn == Tsn(100));
  REQUIRE(fwd->skipped.size() == 2);
  CHECK(fwd->skipped[1] == ForwardTsnChunk::SkippedStream{StreamId(2), 9});

  auto ifwd = IForwardTsnChunk::parse(raw(bytes("c2000010 00000064 00010001 00000007")));
  REQUIRE(ifwd.ok());
  CHECK(ifwd->skipped[0] == IForwardTsnChunk::SkippedMessage{StreamId(1), true, 7});

  auto reconfig = ReconfigChunk::parse(
      raw(bytes("82000024 000d0012 00000010 00000020 00000030 00040000 0010000c 00000021 00000001")));
  REQUIRE(reconfig.ok());
  REQUIRE(reconfig->parameters.size() == 2);
  const auto* req = std::get_if<OutgoingSsnResetRequest>(&reconfig->parameters[0]);
  REQUIRE(req != nullptr);
  CHECK(req->request_sequence == 0x10);
  CHECK(req->response_sequence == 0x20);
  CHECK(req->senders_last_assigned_tsn == Tsn(0x30));
  CHECK(req->streams == std::vector<StreamId>{StreamId(4)});
  const auto* resp = std::get_if<ReconfigResponse>(&reconfig->parameters[1]);
  REQUIRE(resp != nullptr);
  CHECK(resp->response_sequence == 0x21);
  CHECK(resp->result == ReconfigResult::kSuccessPerformed);
  CHECK_FALSE(resp->senders_next_tsn.has_value());

  const auto hb_bytes = bytes("0400000b 00010007 01020300");
  auto hb = HeartbeatRequestChunk::parse(raw(hb_bytes));
  REQUIRE(hb.ok());
  CHECK(to_hex(hb->info) == "010203");
  auto sc = ShutdownCompleteChunk::parse(raw(bytes("0e000004")));
  REQUIRE(sc.ok());
  CHECK_FALSE(sc->t_bit);
}

TEST_CASE("chunk failure table", "[sctp][codec]") {
  struct Row {
    const char* name;
    const char* hex;
    SctpErrc code;
  };
  const Row rows[] = {
      {"DATA without user data", "00030010 00000001 00050007 00000033", SctpErrc::kNoUserData},
      {"DATA shorter than its header", "0003000c 00000001 00050007", SctpErrc::kBadLength},
      {"I-DATA without user data", "40030014 00000001 00020000 00000007 00000033", SctpErrc::kNoUserData},
      {"INIT shorter than 20", "01000010 01020304 00100000 00010001", SctpErrc::kBadLength},
      {"INIT Initiate Tag 0", "01000014 00000000 00100000 00010001 00000001", SctpErrc::kBadValue},
      {"INIT zero outbound streams", "01000014 00000001 00100000 00000001 00000001", SctpErrc::kBadValue},
      {"INIT zero inbound streams", "01000014 00000001 00100000 00010000 00000001", SctpErrc::kBadValue},
      {"INIT Forward-TSN-Supported with a value", "01000019 00000001 00100000 00010001 00000001 c0000005 01000000",
       SctpErrc::kBadLength},
      {"INIT Cookie Preservative of 2 bytes", "0100001a 00000001 00100000 00010001 00000001 00090006 00010000",
       SctpErrc::kBadLength},
      {"INIT parameter length below 4", "01000018 00000001 00100000 00010001 00000001 c0000002",
       SctpErrc::kBadLength},
      {"INIT parameter past the end", "01000018 00000001 00100000 00010001 00000001 00070010",
       SctpErrc::kTruncated},
      {"INIT ACK without State Cookie", "02000014 00000001 00100000 00010001 00000001", SctpErrc::kMissingParameter},
      {"INIT ACK with two State Cookies",
       "02000024 00000001 00100000 00010001 00000001 00070008 01020304 00070008 01020304",
       SctpErrc::kDuplicateParameter},
      {"INIT ACK with an empty State Cookie", "02000018 00000001 00100000 00010001 00000001 00070004",
       SctpErrc::kBadLength},
      {"SACK shorter than 16", "0300000c 00000001 00010000", SctpErrc::kBadLength},
      {"SACK counts exceed the length", "03000014 00000001 00010000 00020000 00010002", SctpErrc::kBadLength},
      {"SACK gap block starting at 0", "03000014 00000001 00010000 00010000 00000002", SctpErrc::kBadValue},
      {"SACK gap block start above end", "03000014 00000001 00010000 00010000 00050002", SctpErrc::kBadValue},
      {"HEARTBEAT without info", "04000004", SctpErrc::kMissingParameter},
      {"HEARTBEAT with another parameter", "04000008 00020004", SctpErrc::kMissingParameter},
      {"HEARTBEAT ACK info truncated", "05000008 00010008", SctpErrc::kTruncated},
      {"SHUTDOWN of 12 bytes", "0700000c 00000001 00000002", SctpErrc::kBadLength},
      {"SHUTDOWN ACK with a value", "08000008 00000000", SctpErrc::kBadLength},
      {"COOKIE ACK with a value", "0b000008 00000000", SctpErrc::kBadLength},
      {"SHUTDOWN COMPLETE with a value", "0e000008 00000000", SctpErrc::kBadLength},
      {"COOKIE ECHO without cookie", "0a000004", SctpErrc::kBadLength},
      {"ERROR without a cause", "09000004", SctpErrc::kMissingParameter},
      {"ABORT cause past the end", "06000008 000c0010", SctpErrc::kTruncated},
      {"FORWARD TSN of 10 bytes", "c000000a 00000001 00010000", SctpErrc::kBadLength},
      {"FORWARD TSN without TSN", "c0000004", SctpErrc::kBadLength},
      {"I-FORWARD-TSN with a half entry", "c200000c 00000001 00010000", SctpErrc::kBadLength},
      {"RE-CONFIG without parameter", "82000004", SctpErrc::kMissingParameter},
      {"RE-CONFIG with three parameters", "8200001c 000f0008 00000001 000f0008 00000002 000f0008 00000003",
       SctpErrc::kTooLarge},
      {"Re-configuration Response of 16 bytes", "82000014 00100010 00000001 00000001 00000000",
       SctpErrc::kBadLength},
      {"Outgoing SSN Reset Request shorter than 16", "82000010 000d000c 00000001 00000002",
       SctpErrc::kBadLength},
      {"Outgoing SSN Reset Request with an odd stream list", "82000017 000d0013 00000001 00000002 00000003 01020300",
       SctpErrc::kBadValue},
      {"SSN/TSN Reset Request of 12 bytes", "82000010 000f000c 00000001 00000002", SctpErrc::kBadLength},
      {"Add Streams Request of 8 bytes", "8200000c 00110008 00000001", SctpErrc::kBadLength},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    auto b = bytes(row.hex);
    auto chunks = parse_chunks(b);
    REQUIRE(chunks.ok());
    REQUIRE(chunks->size() == 1);
    auto c = parse_any_chunk((*chunks)[0]);
    REQUIRE_FALSE(c.ok());
    CHECK(c.error().is(row.code));
  }
}

TEST_CASE("PacketBuilder bundles chunks up to the size limit and sets the checksum", "[sctp][codec]") {
  PacketBuilder b({5000, 5000, 0x01020304, 0}, 64);
  const std::vector<uint8_t> payload(20, 0x55);
  DataChunk d;
  d.tsn = Tsn(7);
  d.beginning = d.ending = true;
  d.payload = payload;
  SackChunk s;
  s.cumulative_tsn_ack = Tsn(3);
  s.a_rwnd = 1000;
  REQUIRE(b.add(s));            // 16 bytes
  REQUIRE(b.add(d));            // 36 bytes: 12 + 16 + 36 = 64
  CHECK(b.remaining() == 0);
  CHECK_FALSE(b.add(CookieAckChunk{}));
  CHECK(b.chunk_count() == 2);
  const auto p = b.finish();
  CHECK(p.size() == 64);
  auto view = parse_packet(p);
  REQUIRE(view.ok());
  CHECK(view->header.verification_tag == 0x01020304u);
  REQUIRE(view->chunks.size() == 2);
  auto back = DataChunk::parse(view->chunks[1]);
  REQUIRE(back.ok());
  CHECK(back->tsn == Tsn(7));
  CHECK(back->payload.size() == 20);

  // An oversized first chunk is still accepted alone.
  PacketBuilder big({1, 2, 3, 0}, 40);
  const std::vector<uint8_t> cookie(100, 1);
  CHECK(big.add(CookieEchoChunk{cookie}));
  CHECK_FALSE(big.add(CookieAckChunk{}));
  CHECK(big.finish().size() == 12 + 104);
}

TEST_CASE("describe_packet prints the header and every chunk", "[sctp][codec]") {
  const auto p = packet(0x0a0b0c0d, bytes("00030014 00000001 00050007 00000033 61626364 03000010 00000064 00010000 00000000"));
  const std::string text = describe_packet(p);
  CHECK(text.find("verification_tag: 168496141") != std::string::npos);
  CHECK(text.find("(ok)") != std::string::npos);
  CHECK(text.find("DATA") != std::string::npos);
  CHECK(text.find("    ssn: 7") != std::string::npos);
  CHECK(text.find("SACK") != std::string::npos);
  CHECK(text.find("cumulative_tsn_ack: 100") != std::string::npos);
  // A chunk that fails to decode shows its error.
  const auto bad = packet(1, bytes("03000008 00000001"));
  CHECK(describe_packet(bad).find("kBadLength") != std::string::npos);
}

}  // namespace
}  // namespace tern::sctp
