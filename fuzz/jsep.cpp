// Fuzz target: JSEP (RFC 8829) processing of untrusted remote descriptions in the peer module.
// Any input must apply or fail cleanly, as an offer and as an answer to a fixed tern offer. When
// it applies as an offer, tern must be able to answer it, and that answer must parse and apply
// as an answer to the same offer (the peer would see it that way).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "peer/jsep/answer.hpp"
#include "peer/jsep/describe.hpp"
#include "peer/jsep/offer.hpp"
#include "peer/jsep/remote_description.hpp"

namespace {

tern::peer::LocalSessionState base_state() {
  tern::peer::LocalSessionState s;
  tern::sdp::Fingerprint f;
  f.digest.assign(32, 0x5A);
  s.fingerprints = {f};
  return s;
}

const tern::sdp::SessionDescription& tern_offer() {
  static const tern::sdp::SessionDescription offer = [] {
    auto state = base_state();
    tern::peer::add_media_section(state, tern::peer::SectionKind::kAudio, tern::sdp::Direction::kSendRecv, "s", "a");
    tern::peer::add_media_section(state, tern::peer::SectionKind::kVideo, tern::sdp::Direction::kSendRecv, "s", "v");
    tern::peer::ensure_data_section(state);
    tern::SeededRng rng(1);
    return tern::peer::create_offer(state, rng).value();
  }();
  return offer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (auto as_answer = tern::peer::apply_remote_description(tern::SdpType::kAnswer, text, &tern_offer())) {
    if (tern::peer::describe(*as_answer).empty()) __builtin_trap();
  }

  auto parsed = tern::sdp::parse(text);
  if (!parsed) return 0;
  auto as_offer = tern::peer::apply_remote_description(tern::SdpType::kOffer, *parsed);
  if (!as_offer) return 0;
  if (tern::peer::describe(*as_offer).empty()) __builtin_trap();

  auto state = base_state();
  tern::peer::add_media_section(state, tern::peer::SectionKind::kVideo, tern::sdp::Direction::kSendRecv, "s", "v");
  tern::SeededRng rng(2);
  auto answer = tern::peer::create_answer(*parsed, state, rng);
  if (!answer) __builtin_trap();  // the offer passed the same checks create_answer makes
  if (answer->media.size() != parsed->media.size()) __builtin_trap();
  const std::string written = tern::sdp::serialize(*answer);
  if (written.size() > tern::sdp::kMaxDescriptionSize) return 0;
  auto reparsed = tern::sdp::parse(written);
  if (!reparsed || !(*reparsed == *answer)) __builtin_trap();
  auto applied = tern::peer::apply_remote_description(tern::SdpType::kAnswer, *reparsed, &*parsed);
  if (!applied) __builtin_trap();
  return 0;
}
