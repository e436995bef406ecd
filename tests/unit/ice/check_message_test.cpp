// Connectivity-check messages: what a check carries (RFC 8445 §7.1, §7.2.2) and how a received one
// is judged (RFC 8489 §6.3, §9.1.3; RFC 8445 §7.3): 400, 401, 420, or accepted.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "crypto/hmac.hpp"
#include "ice/check_message.hpp"
#include "sim/catch_support.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"

namespace tern::ice {
namespace {

const stun::TransactionId kTxid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
constexpr std::string_view kLocalUfrag = "LOCL";
constexpr std::string_view kLocalPwd = "local-password-0123456789";
constexpr std::string_view kRemoteUfrag = "REMO";

crypto::Hmac key(std::string_view pwd) {
  return crypto::Hmac(crypto::HashAlgorithm::kSha1,
                      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(pwd.data()), pwd.size()));
}

// A request as a peer would send it to us, with knobs to break it.
struct RequestSpec {
  std::string username = "LOCL:REMO";
  bool integrity = true;
  std::string pwd = std::string(kLocalPwd);
  bool priority = true;
  bool controlling = true;
  bool controlled = false;
  bool use_candidate = false;
  std::vector<std::pair<uint16_t, std::vector<uint8_t>>> raw;  // extra attributes
  bool bad_priority_length = false;
};

std::vector<uint8_t> request(const RequestSpec& s) {
  std::vector<uint8_t> out;
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kRequest}, kTxid);
  if (!s.username.empty()) b.add(stun::Username{s.username});
  if (s.priority) b.add(stun::Priority{1853824767});
  if (s.bad_priority_length) b.add_raw(stun::AttributeType::kPriority, std::vector<uint8_t>{1, 2});
  if (s.controlling) b.add(stun::IceControlling{0x1122334455667788});
  if (s.controlled) b.add(stun::IceControlled{0x99});
  if (s.use_candidate) b.add(stun::UseCandidate{});
  for (const auto& [type, value] : s.raw) b.add_raw(static_cast<stun::AttributeType>(type), value);
  if (s.integrity) {
    auto k = key(s.pwd);
    b.add_message_integrity(k);
  }
  b.add_fingerprint();
  REQUIRE(b.finish().ok());
  return out;
}

TEST_CASE("a check request carries what RFC 8445 §7.1 asks", "[ice][check_message]") {
  CheckRequestParams p;
  p.remote_ufrag = "REMO";
  p.local_ufrag = "LOCL";
  p.priority = 1853824767;
  p.controlling = true;
  p.tie_breaker = 0xDEADBEEFCAFEF00D;
  p.use_candidate = true;
  auto remote_key = key("remote-password-0123456789");
  const auto bytes = build_check_request(kTxid, p, remote_key);
  auto m = stun::Message::parse(bytes);
  REQUIRE(m.ok());
  CHECK(m->method() == stun::Method::kBinding);
  CHECK(m->message_class() == stun::MessageClass::kRequest);
  CHECK(stun::get<stun::Username>(*m)->text == "REMO:LOCL");
  CHECK(stun::get<stun::Priority>(*m)->priority == 1853824767u);
  CHECK(stun::get<stun::IceControlling>(*m)->tie_breaker == 0xDEADBEEFCAFEF00Dull);
  CHECK_FALSE(m->has(stun::AttributeType::kIceControlled));
  CHECK(m->has(stun::AttributeType::kUseCandidate));
  CHECK(stun::verify_message_integrity(*m, remote_key).ok());
  CHECK(stun::verify_fingerprint(*m).ok());
  CHECK(stun::check_attribute_order(*m).ok());

  // The controlled agent never sends USE-CANDIDATE.
  p.controlling = false;
  const auto controlled = build_check_request(kTxid, p, remote_key);
  auto c = stun::Message::parse(controlled);
  REQUIRE(c.ok());
  CHECK(c->has(stun::AttributeType::kIceControlled));
  CHECK_FALSE(c->has(stun::AttributeType::kUseCandidate));
  CHECK_FALSE(c->has(stun::AttributeType::kIceControlling));

  // The peer, validating with its own credentials, accepts it.
  auto peer_key = key("remote-password-0123456789");
  auto v = validate_check_request(*m, "REMO", peer_key);
  CHECK(v.error == 0);
  CHECK(v.info.remote_ufrag == "LOCL");
  CHECK(v.info.use_candidate);
  CHECK(v.info.controlling == 0xDEADBEEFCAFEF00Dull);
}

TEST_CASE("validating received checks: the verdict table", "[ice][check_message]") {
  struct Row {
    const char* name;
    RequestSpec spec;
    uint16_t error;
    bool authenticated;
  };
  auto spec = [](auto change) {
    RequestSpec s;
    change(s);
    return s;
  };
  const Row rows[] = {
      {"valid", {}, 0, true},
      {"valid, controlled with USE-CANDIDATE ignored by nobody",
       spec([](RequestSpec& s) {
         s.controlling = false;
         s.controlled = true;
       }),
       0, true},
      // Chromium's GOOG-NETWORK-INFO (0xC057) is comprehension-optional: ignored.
      {"comprehension-optional unknown attribute",
       spec([](RequestSpec& s) { s.raw.push_back({0xC057, {0, 1, 0, 10}}); }), 0, true},
      {"no MESSAGE-INTEGRITY", spec([](RequestSpec& s) { s.integrity = false; }), 400, false},
      {"no USERNAME", spec([](RequestSpec& s) { s.username.clear(); }), 400, false},
      {"USERNAME without ':'", spec([](RequestSpec& s) { s.username = "LOCLREMO"; }), 401, false},
      {"another agent's ufrag", spec([](RequestSpec& s) { s.username = "OTHR:REMO"; }), 401, false},
      {"wrong password", spec([](RequestSpec& s) { s.pwd = "not-the-password-0123456"; }), 401, false},
      {"unknown comprehension-required attribute",
       spec([](RequestSpec& s) { s.raw.push_back({0x7777, {1, 2, 3, 4}}); }), 420, true},
      {"no PRIORITY", spec([](RequestSpec& s) { s.priority = false; }), 400, true},
      {"malformed PRIORITY",
       spec([](RequestSpec& s) {
         s.priority = false;
         s.bad_priority_length = true;
       }),
       400, true},
      {"no role attribute", spec([](RequestSpec& s) { s.controlling = false; }), 400, true},
  };
  for (const Row& row : rows) {
    INFO(row.name);
    const auto bytes = request(row.spec);
    auto m = stun::Message::parse(bytes);
    REQUIRE(m.ok());
    auto k = key(kLocalPwd);
    auto v = validate_check_request(*m, kLocalUfrag, k);
    CHECK(v.error == row.error);
    CHECK(v.authenticated == row.authenticated);
    if (row.error == 0) {
      CHECK(v.info.local_ufrag == kLocalUfrag);
      CHECK(v.info.remote_ufrag == kRemoteUfrag);
      CHECK(v.info.priority == 1853824767u);
    }
    if (row.error == 420) {
      REQUIRE(v.unknown.count == 1);
      CHECK(v.unknown.types[0] == 0x7777);
    }
  }
}

TEST_CASE("responses: success with XOR-MAPPED-ADDRESS, errors with or without integrity", "[ice][check_message]") {
  const auto req_bytes = request({});
  auto req = stun::Message::parse(req_bytes);
  REQUIRE(req.ok());
  auto k = key(kLocalPwd);
  const SocketAddress source(IpAddress::v4(203, 0, 113, 9), 61000);

  const auto ok_bytes = build_check_success(*req, source, k);
  auto ok = stun::Message::parse(ok_bytes);
  REQUIRE(ok.ok());
  CHECK(ok->message_class() == stun::MessageClass::kSuccessResponse);
  CHECK(ok->transaction_id() == kTxid);
  CHECK(stun::get<stun::XorMappedAddress>(*ok)->address == source);
  CHECK(stun::verify_message_integrity(*ok, k).ok());
  CHECK(stun::verify_fingerprint(*ok).ok());

  const auto conflict_bytes = build_check_error(*req, 487, &k);
  auto conflict = stun::Message::parse(conflict_bytes);
  REQUIRE(conflict.ok());
  CHECK(conflict->message_class() == stun::MessageClass::kErrorResponse);
  CHECK(stun::get<stun::ErrorCode>(*conflict)->code == 487);
  CHECK(stun::get<stun::ErrorCode>(*conflict)->reason == "Role Conflict");
  CHECK(stun::verify_message_integrity(*conflict, k).ok());

  const auto unauth_bytes = build_check_error(*req, 401, nullptr);
  auto unauth = stun::Message::parse(unauth_bytes);
  REQUIRE(unauth.ok());
  CHECK(stun::get<stun::ErrorCode>(*unauth)->code == 401);
  CHECK_FALSE(unauth->has(stun::AttributeType::kMessageIntegrity));
  CHECK(stun::verify_fingerprint(*unauth).ok());

  stun::UnknownAttributes unknown;
  unknown.push(0x7777);
  const auto e420_bytes = build_check_error(*req, 420, &k, &unknown);
  auto e420 = stun::Message::parse(e420_bytes);
  REQUIRE(e420.ok());
  CHECK(stun::get<stun::UnknownAttributes>(*e420)->contains(0x7777));

  const auto server_req = build_server_binding_request(kTxid);
  auto s = stun::Message::parse(server_req);
  REQUIRE(s.ok());
  CHECK(s->attributes().size() == 1);
  CHECK(s->has(stun::AttributeType::kFingerprint));
}

}  // namespace
}  // namespace tern::ice
