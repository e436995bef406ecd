#include "binding_server.hpp"

#include <algorithm>

#include "common/byte_reader.hpp"
#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/fingerprint.hpp"
#include "stun/message.hpp"
#include "stun/unknown_attributes.hpp"

namespace tern::apps {

BindingServer::BindingServer(std::string software) : software_(std::move(software)) {}

bool BindingServer::understands(stun::AttributeType type) {
  using T = stun::AttributeType;
  switch (type) {
    // RFC 8489 §18.3, the comprehension-required range. Authentication attributes are understood
    // (and ignored: this server has no credentials); TURN and ICE ones are not.
    case T::kMappedAddress:
    case T::kUsername:
    case T::kMessageIntegrity:
    case T::kErrorCode:
    case T::kUnknownAttributes:
    case T::kRealm:
    case T::kNonce:
    case T::kMessageIntegritySha256:
    case T::kPasswordAlgorithm:
    case T::kUserhash:
    case T::kXorMappedAddress:
      return true;
    default:
      return !stun::is_comprehension_required(type);
  }
}

std::vector<uint8_t> BindingServer::error_response(uint16_t raw_method, std::span<const uint8_t, 12> transaction_id,
                                                   uint16_t code) {
  stun::TransactionId id{};
  std::copy(transaction_id.begin(), transaction_id.end(), id.begin());
  std::vector<uint8_t> out;
  stun::MessageBuilder b(out, {static_cast<stun::Method>(raw_method), stun::MessageClass::kErrorResponse}, id);
  b.add(stun::ErrorCode{code, stun::default_reason_phrase(code)});
  if (!software_.empty()) b.add(stun::Software{software_});
  b.add_fingerprint();
  if (!b.finish()) return {};
  return out;
}

std::optional<std::vector<uint8_t>> BindingServer::handle_message(std::span<const uint8_t> bytes,
                                                                  const SocketAddress& source) {
  // RFC 8489 §6.3: a message whose header is not STUN's is not answered at all.
  if (!stun::looks_like_stun(bytes)) {
    ++counters_.dropped;
    return std::nullopt;
  }
  const stun::MessageType type = stun::decode_message_type(load_be16(bytes.data()));
  const std::span<const uint8_t, 12> transaction_id = bytes.subspan<8, 12>();
  const uint16_t raw_method = static_cast<uint16_t>(type.method);

  stun::Message message;
  if (auto s = stun::parse(bytes, message); !s) {
    // RFC 8489 §6.3.1: a request that cannot be processed gets 400 (Bad Request); the header is
    // sound, so the transaction ID and method are known. Anything else is dropped.
    if (type.message_class != stun::MessageClass::kRequest) {
      ++counters_.dropped;
      return std::nullopt;
    }
    ++counters_.bad_requests;
    return error_response(raw_method, transaction_id, stun::error_codes::kBadRequest);
  }
  // RFC 8489 §7.3: a FINGERPRINT that does not match means the message is not STUN: drop it.
  if (message.has(stun::AttributeType::kFingerprint) && !stun::verify_fingerprint(message)) {
    ++counters_.dropped;
    return std::nullopt;
  }
  switch (message.message_class()) {
    case stun::MessageClass::kIndication:
      // RFC 8489 §6.3.2: indications get no response (a Binding indication is a keepalive).
      ++counters_.indications;
      return std::nullopt;
    case stun::MessageClass::kSuccessResponse:
    case stun::MessageClass::kErrorResponse:
      // A server has no transactions of its own.
      ++counters_.dropped;
      return std::nullopt;
    case stun::MessageClass::kRequest:
      break;
  }
  // RFC 8489 §6.3.1.1: unknown comprehension-required attributes -> 420 listing them.
  const stun::UnknownAttributes unknown = stun::find_unknown_comprehension_required(message, &BindingServer::understands);
  if (unknown.count > 0) {
    ++counters_.unknown_attributes;
    std::vector<uint8_t> out(stun::kHeaderSize + 512);
    stun::MessageBuilder b = stun::build_unknown_attributes_response(message, unknown, out);
    if (!software_.empty()) b.add(stun::Software{software_});
    b.add_fingerprint();
    auto done = b.finish();
    if (!done) return std::nullopt;
    return std::vector<uint8_t>(done->begin(), done->end());
  }
  // RFC 8489 §3: this usage defines only the Binding method.
  if (message.method() != stun::Method::kBinding) {
    ++counters_.bad_requests;
    return error_response(raw_method, transaction_id, stun::error_codes::kBadRequest);
  }
  // RFC 8489 §7 / §14.2: the success response reflects the source transport address.
  std::vector<uint8_t> out;
  stun::MessageBuilder b(out, {stun::Method::kBinding, stun::MessageClass::kSuccessResponse}, message.transaction_id());
  b.add(stun::XorMappedAddress{source});
  if (!software_.empty()) b.add(stun::Software{software_});
  b.add_fingerprint();
  if (!b.finish()) return std::nullopt;
  ++counters_.requests;
  return out;
}

}  // namespace tern::apps
