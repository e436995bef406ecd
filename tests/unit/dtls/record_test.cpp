// RFC 6347 §4.1 record layer: header codec, anti-replay window, AEAD protection, epochs.
#include <catch2/catch.hpp>

#include "common/hex.hpp"
#include "dtls/errc.hpp"
#include "dtls/record.hpp"
#include "dtls/record_layer.hpp"
#include "dtls/record_protection.hpp"
#include "dtls/replay_window.hpp"
#include "dtls_test_util.hpp"

using namespace tern;
using namespace tern::dtls;
using tern::dtls::test::hex;

TEST_CASE("record header round trips", "[dtls][record]") {
  struct Case {
    const char* bytes;
    RecordHeader header;
  };
  const Case cases[] = {
      // type=22 handshake, {254,253}, epoch 0, seq 0, length 2
      {"16 fefd 0000 000000000000 0002 aabb", {ContentType::kHandshake, kDtls12, 0, 0, 2}},
      // ClientHello records of version-flexible clients carry DTLS 1.0 {254,255}
      {"16 feff 0000 000000000005 0001 cc", {ContentType::kHandshake, kDtls10, 0, 5, 1}},
      // application_data in epoch 1 with a 48-bit sequence number
      {"17 fefd 0001 0000deadbeef 0000", {ContentType::kApplicationData, kDtls12, 1, 0xdeadbeef, 0}},
      {"15 fefd 0001 ffffffffffff 0000", {ContentType::kAlert, kDtls12, 1, kMaxSequenceNumber, 0}},
      {"14 fefd fffe 000000010000 0000", {ContentType::kChangeCipherSpec, kDtls12, 0xfffe, 0x10000, 0}},
  };
  for (const auto& c : cases) {
    auto bytes = hex(c.bytes);
    auto r = parse_record(bytes);
    REQUIRE(r.ok());
    CHECK(r->header == c.header);
    CHECK(r->size() == bytes.size());
    std::array<uint8_t, kRecordHeaderSize> out{};
    serialize_record_header(r->header, out);
    CHECK(std::equal(out.begin(), out.end(), bytes.begin()));
  }
}

TEST_CASE("record header failure table", "[dtls][record]") {
  struct Case {
    const char* bytes;
    DtlsErrc code;
    uint32_t position;
  };
  const Case cases[] = {
      {"16 fefd 0000 0000000000", DtlsErrc::kTruncated, 0},            // header cut short
      {"13 fefd 0000 000000000000 0000", DtlsErrc::kBadContentType, 0},  // 19 is not a type
      {"18 fefd 0000 000000000000 0000", DtlsErrc::kBadContentType, 0},  // 24 (heartbeat) refused
      {"16 0303 0000 000000000000 0000", DtlsErrc::kBadVersion, 1},    // TLS 1.2, not DTLS
      {"16 fefc 0000 000000000000 0000", DtlsErrc::kBadVersion, 1},    // {254,252}: not a DTLS 1.0/1.2 version
      {"16 fefd 0000 000000000000 4801", DtlsErrc::kTooLarge, 11},     // 2^14 + 2048 + 1
      {"16 fefd 0000 000000000000 0003 aabb", DtlsErrc::kTruncated, 11},
  };
  for (const auto& c : cases) {
    auto r = parse_record(hex(c.bytes));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().is(c.code));
    CHECK(r.error().position() == c.position);
  }
}

TEST_CASE("several records in one datagram", "[dtls][record]") {
  auto datagram = hex("16 fefd 0000 000000000000 0001 aa"
                      "14 fefd 0000 000000000001 0001 01"
                      "15 fefd 0001 000000000000 0003 02aabb");
  std::vector<RecordHeader> headers;
  size_t offset = 0;
  while (offset < datagram.size()) {
    auto r = parse_record(std::span(datagram).subspan(offset));
    REQUIRE(r.ok());
    headers.push_back(r->header);
    offset += r->size();
  }
  REQUIRE(headers.size() == 3);
  CHECK(headers[0].type == ContentType::kHandshake);
  CHECK(headers[1].type == ContentType::kChangeCipherSpec);
  CHECK(headers[2].epoch == 1);
  CHECK(headers[2].length == 3);
  std::string text = describe_records(datagram);
  CHECK(text.find("record change_cipher_spec v=fefd epoch=0 seq=1 len=1") != std::string::npos);
}

TEST_CASE("anti-replay window (RFC 6347 §4.1.2.6)", "[dtls][record][replay]") {
  ReplayWindow w;
  CHECK(w.check(0));
  w.mark(0);
  CHECK_FALSE(w.check(0));
  CHECK(w.check(5));
  w.mark(5);
  CHECK(w.check(3));  // inside the window, not seen yet
  w.mark(3);
  CHECK_FALSE(w.check(3));
  CHECK_FALSE(w.check(5));
  w.mark(100);
  CHECK(w.highest() == 100);
  CHECK_FALSE(w.check(36));  // 100 - 64: left of the window
  CHECK(w.check(37));        // the oldest slot still inside
  CHECK(w.check(99));
  w.mark(99);
  CHECK_FALSE(w.check(99));
  w.mark(1000);  // a jump larger than the window clears it
  CHECK(w.check(999));
  CHECK_FALSE(w.check(1000));
  CHECK_FALSE(w.check(936));
}

namespace {
RecordProtection protection_for(CipherSuite id, uint8_t fill) {
  const CipherSuiteInfo* suite = find_cipher_suite(static_cast<uint16_t>(id));
  std::vector<uint8_t> key(suite->key_size, fill);
  std::vector<uint8_t> iv(suite->fixed_iv_size, static_cast<uint8_t>(fill + 1));
  return RecordProtection(*suite, key, iv);
}
std::vector<uint8_t> seal_record(RecordProtection& p, RecordHeader h, std::span<const uint8_t> plaintext) {
  h.length = static_cast<uint16_t>(plaintext.size() + p.overhead());
  std::vector<uint8_t> out(kRecordHeaderSize + h.length);
  serialize_record_header(h, std::span<uint8_t, kRecordHeaderSize>(out.data(), kRecordHeaderSize));
  p.seal(h, plaintext, std::span(out).subspan(kRecordHeaderSize));
  return out;
}
}  // namespace

TEST_CASE("AEAD record protection round trips and rejects tampering", "[dtls][record][aead]") {
  const CipherSuite suites[] = {CipherSuite::kEcdheEcdsaAes128GcmSha256, CipherSuite::kEcdheEcdsaAes256GcmSha384,
                                CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256};
  auto plaintext = hex("48656c6c6f2c2044544c5320312e3221");
  for (CipherSuite id : suites) {
    CAPTURE(cipher_suite_name(static_cast<uint16_t>(id)));
    auto sealer = protection_for(id, 7);
    auto opener = protection_for(id, 7);
    bool gcm = id != CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256;
    CHECK(sealer.overhead() == (gcm ? 24u : 16u));
    RecordHeader h{ContentType::kApplicationData, kDtls12, 1, 0x010203, 0};
    auto record = seal_record(sealer, h, plaintext);
    if (gcm) {
      // RFC 5288 §3 with RFC 6347 §4.1.2.1: the explicit nonce is epoch || sequence.
      CHECK(to_hex(std::span(record).subspan(kRecordHeaderSize, 8)) == "0001000000010203");
    }
    {
      auto copy = record;
      auto parsed = parse_record(copy).value();
      auto pt = opener.open(parsed.header, std::span(copy).subspan(kRecordHeaderSize));
      REQUIRE(pt.ok());
      CHECK(std::equal(pt->begin(), pt->end(), plaintext.begin(), plaintext.end()));
    }
    // Every byte of the header (the AAD) and of the fragment is authenticated.
    for (size_t i = 0; i < record.size(); ++i) {
      if (i == 11 || i == 12) continue;  // length bytes change the framing; tested below
      auto copy = record;
      copy[i] ^= 0x01;
      auto parsed = parse_record(copy);
      if (!parsed) continue;  // e.g. a type byte that no longer parses
      auto pt = opener.open(parsed->header, std::span(copy).subspan(kRecordHeaderSize));
      CAPTURE(i);
      REQUIRE_FALSE(pt.ok());
      CHECK(pt.error().is(DtlsErrc::kDecryptFailed));
    }
    // Truncation: shorter than nonce + tag is kTruncated; shorter than the record is a bad tag.
    {
      auto copy = record;
      RecordHeader cut = parse_record(copy).value().header;
      auto pt = opener.open(cut, std::span(copy).subspan(kRecordHeaderSize, sealer.overhead() - 1));
      REQUIRE_FALSE(pt.ok());
      CHECK(pt.error().is(DtlsErrc::kTruncated));
      cut.length = static_cast<uint16_t>(cut.length - 1);
      auto pt2 = opener.open(cut, std::span(copy).subspan(kRecordHeaderSize, cut.length));
      REQUIRE_FALSE(pt2.ok());
      CHECK(pt2.error().is(DtlsErrc::kDecryptFailed));
    }
    // A different key fails.
    auto stranger = protection_for(id, 8);
    auto copy = record;
    auto parsed = parse_record(copy).value();
    CHECK_FALSE(stranger.open(parsed.header, std::span(copy).subspan(kRecordHeaderSize)).ok());
  }
}

TEST_CASE("ChaCha20-Poly1305 nonce is the IV XOR the padded seq_num (RFC 7905 §2)", "[dtls][record][aead]") {
  // Two records that differ only in sequence number must produce different ciphertexts, and the
  // same (epoch, seq) the same one: the nonce is derived, not random.
  auto p = protection_for(CipherSuite::kEcdheEcdsaChaCha20Poly1305Sha256, 1);
  auto pt = hex("00112233");
  RecordHeader a{ContentType::kApplicationData, kDtls12, 1, 1, 0};
  RecordHeader b{ContentType::kApplicationData, kDtls12, 1, 2, 0};
  auto ra = seal_record(p, a, pt);
  auto ra2 = seal_record(p, a, pt);
  auto rb = seal_record(p, b, pt);
  CHECK(ra == ra2);
  CHECK(std::vector(ra.begin() + 13, ra.end()) != std::vector(rb.begin() + 13, rb.end()));
}

TEST_CASE("record layer epochs, replay and counters", "[dtls][record][layer]") {
  const CipherSuiteInfo* suite = find_cipher_suite(0xc02b);
  std::vector<uint8_t> key(16, 3), iv(4, 4);
  RecordLayer sender, receiver;
  sender.install_write_protection(RecordProtection(*suite, key, iv));
  auto payload = hex("0102030405");

  std::vector<uint8_t> datagram;
  REQUIRE(sender.append_record(datagram, ContentType::kApplicationData, 1, payload).ok());
  REQUIRE(sender.append_record(datagram, ContentType::kHandshake, 0, payload).ok());
  CHECK(sender.next_write_sequence(1) == 1);
  CHECK(sender.next_write_sequence(0) == 1);

  auto first = parse_record(datagram).value();
  std::vector<uint8_t> frag(first.fragment.begin(), first.fragment.end());
  // No read keys yet for epoch 1.
  auto r = receiver.open(first.header, frag);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DtlsErrc::kWrongEpoch));
  CHECK(receiver.counters().wrong_epoch == 1);

  receiver.install_read_protection(RecordProtection(*suite, key, iv));
  auto ok = receiver.open(first.header, frag);
  REQUIRE(ok.ok());
  CHECK(std::equal(ok->begin(), ok->end(), payload.begin(), payload.end()));
  // The same record again is a replay (RFC 6347 §4.1.2.6), rejected before decryption.
  std::vector<uint8_t> frag2(first.fragment.begin(), first.fragment.end());
  auto replay = receiver.open(first.header, frag2);
  REQUIRE_FALSE(replay.ok());
  CHECK(replay.error().is(DtlsErrc::kReplayed));
  CHECK(receiver.counters().replayed == 1);

  // A forged record with a fresh sequence number fails authentication and does not advance the
  // window: the genuine record with that number is still accepted afterwards.
  std::vector<uint8_t> d2;
  REQUIRE(sender.append_record(d2, ContentType::kApplicationData, 1, payload).ok());
  auto second = parse_record(d2).value();
  std::vector<uint8_t> forged(second.fragment.begin(), second.fragment.end());
  forged.back() ^= 1;
  CHECK_FALSE(receiver.open(second.header, forged).ok());
  CHECK(receiver.counters().decrypt_failed == 1);
  std::vector<uint8_t> genuine(second.fragment.begin(), second.fragment.end());
  CHECK(receiver.open(second.header, genuine).ok());

  // Protected epochs only accept DTLS 1.2; epochs above 1 do not exist.
  RecordHeader v10 = second.header;
  v10.version = kDtls10;
  std::vector<uint8_t> any(second.fragment.begin(), second.fragment.end());
  CHECK(receiver.open(v10, any).error().is(DtlsErrc::kBadVersion));
  RecordHeader e2 = second.header;
  e2.epoch = 2;
  CHECK(receiver.open(e2, any).error().is(DtlsErrc::kWrongEpoch));
  // Epoch 0 passes through unprotected.
  auto plain = parse_record(std::span(datagram).subspan(first.size())).value();
  std::vector<uint8_t> pf(plain.fragment.begin(), plain.fragment.end());
  CHECK(receiver.open(plain.header, pf).ok());
  CHECK(receiver.counters().records_received == 3);
}

TEST_CASE("record layer refuses to wrap the sequence number", "[dtls][record][layer]") {
  RecordLayer layer;
  layer.set_next_write_sequence(0, kMaxSequenceNumber);
  std::vector<uint8_t> out;
  CHECK(layer.append_record(out, ContentType::kHandshake, 0, hex("00")).ok());
  auto r = layer.append_record(out, ContentType::kHandshake, 0, hex("00"));
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(DtlsErrc::kInternal));
  auto no_keys = layer.append_record(out, ContentType::kApplicationData, 1, hex("00"));
  REQUIRE_FALSE(no_keys.ok());
  CHECK(no_keys.error().is(DtlsErrc::kWrongEpoch));
  std::vector<uint8_t> big(kMaxPlaintextLength + 1);
  CHECK(layer.append_record(out, ContentType::kHandshake, 0, big).error().is(DtlsErrc::kTooLarge));
}
