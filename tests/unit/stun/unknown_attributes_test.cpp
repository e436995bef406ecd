// Unknown comprehension-required attributes and the 420 response (RFC 8489 §6.3.1.1, §14.13).
#include <catch2/catch.hpp>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "test_util.hpp"

namespace tern::stun {
namespace {
using test::raw_message;

bool binding_only(AttributeType t) {
  // A plain STUN server: understands the RFC 8489 and ICE attributes, not the TURN ones.
  switch (t) {
    case AttributeType::kChannelNumber:
    case AttributeType::kRequestedTransport:
    case AttributeType::kLifetime:
      return false;
    default:
      return is_known_attribute(t);
  }
}

TEST_CASE("listing unknown comprehension-required attributes", "[stun][unknown]") {
  // 0x0002 (unknown, required), 0x8050 (unknown, optional: skipped), USERNAME (known), 0x0002 again
  // (listed once), 0x7fff (unknown, required), 0x0019 REQUESTED-TRANSPORT (known to this module).
  const auto wire = raw_message(0x0001,
                                "00020004 00000000  80500000  00060001 61000000  00020000  7fff0000  00190004 11000000");
  auto m = Message::parse(wire);
  REQUIRE(m.ok());
  const auto unknown = find_unknown_comprehension_required(*m);
  CHECK(std::vector<uint16_t>(unknown.view().begin(), unknown.view().end()) == std::vector<uint16_t>{0x0002, 0x7fff});
  const auto for_binding = find_unknown_comprehension_required(*m, binding_only);
  CHECK(std::vector<uint16_t>(for_binding.view().begin(), for_binding.view().end()) ==
        std::vector<uint16_t>{0x0002, 0x7fff, 0x0019});

  // Everything known: nothing to report.
  const auto clean_bytes = raw_message(0x0001, "00060001 61000000 80220000");
  auto clean = Message::parse(clean_bytes);
  REQUIRE(clean.ok());
  CHECK(find_unknown_comprehension_required(*clean).count == 0);

  // Unknown attributes after MESSAGE-INTEGRITY are ignored, so not reported (RFC 8489 §9).
  const auto after_bytes = raw_message(0x0001, "00080014 " + std::string(40, '0') + " 00020000");
  auto after = Message::parse(after_bytes);
  REQUIRE(after.ok());
  CHECK(find_unknown_comprehension_required(*after).count == 0);
}

TEST_CASE("building the 420 error response", "[stun][unknown]") {
  const auto request_bytes = raw_message(0x0003, "00020000 7fff0000", "a1a2a3a4a5a6a7a8a9aaabac");
  auto request = Message::parse(request_bytes);
  REQUIRE(request.ok());
  const auto unknown = find_unknown_comprehension_required(*request);
  REQUIRE(unknown.count == 2);

  uint8_t buf[256];
  MessageBuilder b = build_unknown_attributes_response(*request, unknown, buf);
  b.add_message_integrity(short_term_key("pw"));
  b.add_fingerprint();
  auto r = b.finish();
  REQUIRE(r.ok());
  auto response = Message::parse(*r);
  REQUIRE(response.ok());
  CHECK(response->type() == MessageType{Method::kAllocate, MessageClass::kErrorResponse});
  CHECK(response->raw_type() == 0x0113);
  CHECK(response->transaction_id() == request->transaction_id());
  const auto error = get<ErrorCode>(*response);
  REQUIRE(error.ok());
  CHECK(error->code == 420);
  CHECK(error->reason == "Unknown Attribute");
  const auto listed = get<UnknownAttributes>(*response);
  REQUIRE(listed.ok());
  CHECK(*listed == unknown);
  CHECK(verify_message_integrity(*response, short_term_key("pw")).ok());
  CHECK(verify_fingerprint(*response).ok());
  // The exact bytes: ERROR-CODE 420 "Unknown Attribute" (17 bytes + 3 padding), UNKNOWN-ATTRIBUTES.
  CHECK(std::vector<uint8_t>(r->begin(), r->begin() + 20 + 28 + 8) ==
        test::hex("0113 0044 2112a442 a1a2a3a4a5a6a7a8a9aaabac"
                  "0009 0015 00000414 556e6b6e6f776e20417474726962757465 000000"
                  "000a 0004 0002 7fff"));
}

}  // namespace
}  // namespace tern::stun
