// Fuzz target: RtpPacket::parse. On success, rebuild the packet from its parsed fields, re-parse,
// and require the same fields and bytes (padding filler aside); walk the RFC 8285 elements and
// re-encode them when the block is well formed; exercise describe() and the typed readers.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "rtp/common_extensions.hpp"
#include "rtp/header_extension.hpp"
#include "rtp/packet.hpp"
#include "rtp/packet_builder.hpp"

using namespace tern;
using namespace tern::rtp;

namespace {

void check(bool condition) {
  if (!condition) __builtin_trap();
}

bool same_bytes(std::span<const uint8_t> a, std::span<const uint8_t> b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size()) == 0);
}

void check_same_fields(const RtpPacket& a, const RtpPacket& b) {
  check(a.marker() == b.marker());
  check(a.payload_type() == b.payload_type());
  check(a.sequence_number() == b.sequence_number());
  check(a.timestamp() == b.timestamp());
  check(a.ssrc() == b.ssrc());
  check(a.csrc_count() == b.csrc_count());
  for (size_t i = 0; i < a.csrc_count(); ++i) check(a.csrcs()[i] == b.csrcs()[i]);
  check(a.has_extension() == b.has_extension());
  check(a.extension_profile() == b.extension_profile());
  check(same_bytes(a.extension_data(), b.extension_data()));
  check(same_bytes(a.payload(), b.payload()));
  check(a.padding_size() == b.padding_size());
  check(a.header_size() == b.header_size());
  check(a.size() == b.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto parsed = RtpPacket::parse({data, size});
  if (!parsed) return 0;
  const RtpPacket& p = *parsed;
  check(p.header_size() + p.payload().size() + p.padding_size() == size);

  // Rebuild -> re-parse -> equal fields; bytes equal except padding filler (written as zeros).
  std::vector<uint8_t> out(size);
  auto n = RtpPacketBuilder::from_packet(p).serialize(out);
  check(n.ok() && *n == size);
  auto again = RtpPacket::parse(out);
  check(again.ok());
  check_same_fields(p, *again);
  check(same_bytes({data, size - p.padding_size()}, std::span<const uint8_t>(out).first(size - p.padding_size())));
  if (p.padding_size() > 0) check(out[size - 1] == data[size - 1]);

  // In-place setters keep the layout.
  {
    auto m = MutableRtpPacket::parse(out);
    check(m.ok());
    m->set_sequence_number(SeqNo(static_cast<uint16_t>(p.sequence_number().value + 1)));
    m->set_marker(!p.marker());
    auto after = RtpPacket::parse(out);
    check(after.ok() && after->header_size() == p.header_size() && after->marker() != p.marker());
  }

  // Walk the elements; when well formed, re-encode them and read back the same list.
  if (p.has_extension() && extension_form(p.extension_profile())) {
    std::vector<ExtensionElement> elements;
    ExtensionReader reader = p.extensions();
    ExtensionElement e;
    while (reader.next(e)) {
      check(e.data.data() >= p.extension_data().data() &&
            e.data.data() + e.data.size() <= p.extension_data().data() + p.extension_data().size());
      elements.push_back(e);
      (void)parse_mid(e.data);
      (void)parse_rid(e.data);
      (void)parse_abs_send_time(e.data);
      (void)parse_transport_sequence_number(e.data);
      (void)parse_audio_level(e.data);
    }
    if (reader.status().ok()) {
      const auto form = *extension_form(p.extension_profile());
      const ExtensionWriteOptions options{form == ExtensionForm::kOneByte ? ExtensionFormPolicy::kOneByteOnly
                                                                          : ExtensionFormPolicy::kTwoByteOnly,
                                          static_cast<uint8_t>(p.extension_profile() & 0x0F)};
      std::vector<uint8_t> block(4 + extension_data_size(elements, form));
      auto written = serialize_extension_block(elements, options, block);
      check(written.ok() && *written == block.size());
      ExtensionReader back(static_cast<uint16_t>(block[0] << 8 | block[1]), std::span<const uint8_t>(block).subspan(4));
      size_t i = 0;
      while (back.next(e)) {
        check(i < elements.size() && e.id == elements[i].id && same_bytes(e.data, elements[i].data));
        ++i;
      }
      check(back.status().ok() && i == elements.size());
    }
  }
  (void)describe(p);
  return 0;
}
