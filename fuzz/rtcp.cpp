// Fuzz target for RTCP compound packets (stack/rtcp).
// Properties: parsing never crashes; a parsed compound serializes (every packet) and re-parses to
// an equal value; strict parsing never accepts what lenient parsing refuses; TWCC feedback expands
// to arrivals that build() turns back into the same arrivals; describe() never crashes.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "rtcp/compound.hpp"
#include "rtcp/describe.hpp"

namespace {

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void check_twcc(const tern::rtcp::TransportCc& fb) {
  using namespace tern::rtcp;
  const std::vector<TwccArrival> arrivals = fb.arrivals();
  check(arrivals.size() == fb.packets.size());
  if (arrivals.empty()) return;
  // build() re-derives the reference time from the first arrival; exact only without 24-bit wrap.
  for (const TwccArrival& a : arrivals) {
    if (!a.arrival) continue;
    const int64_t ref = a.arrival->as_micros() / TransportCc::kReferenceTickUs;
    if (ref <= TransportCc::kMinReferenceTime + 1 || ref >= TransportCc::kMaxReferenceTime) return;
    break;
  }
  tern::Result<TransportCc> rebuilt = TransportCc::build(fb.sender_ssrc, fb.media_ssrc, fb.fb_pkt_count, arrivals);
  check(rebuilt.ok());
  check(rebuilt->arrivals() == arrivals);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tern::rtcp;
  const std::span<const uint8_t> input(data, size);
  tern::Result<std::vector<Packet>> parsed = parse_compound(input);
  tern::Result<std::vector<Packet>> strict = parse_compound(input, ParseOptions{.strict_compound = true});
  check(parsed.ok() || !strict.ok());
  if (!parsed) return 0;
  if (strict) check(*strict == *parsed);

  // Serialize every packet, then the whole compound, and parse again.
  std::vector<uint8_t> out(serialized_size(*parsed));
  size_t written = 0;
  for (const Packet& p : *parsed) {
    tern::ByteWriter w(std::span<uint8_t>(out).subspan(written));
    tern::Status s = serialize(p, w);
    check(s.ok());
    check(w.position() == serialized_size(p));
    written += w.position();
  }
  check(written == out.size());
  tern::Result<std::vector<Packet>> again = parse_compound(out);
  check(again.ok());
  check(*again == *parsed);

  // The compound serializer agrees with the per-packet one.
  std::vector<uint8_t> out2(out.size());
  tern::Result<size_t> n = serialize_compound(*parsed, out2);
  check(n.ok() && *n == out.size() && out2 == out);

  for (const Packet& p : *parsed) {
    if (const auto* fb = std::get_if<TransportCc>(&p.body)) check_twcc(*fb);
  }
  const std::string text = describe(*parsed);
  check(!text.empty());
  return 0;
}
