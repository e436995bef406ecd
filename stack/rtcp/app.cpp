#include "rtcp/app.hpp"

namespace tern::rtcp {

Result<App> App::parse(const PacketView& v) {
  if (v.body.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "APP SSRC and name", v.offset);
  App app;
  app.subtype = v.count;
  app.ssrc = Ssrc(load_be32(v.body.data()));
  for (size_t i = 0; i < 4; ++i) app.name[i] = static_cast<char>(v.body[4 + i]);
  app.data = v.body.subspan(kFixedSize);
  return app;
}

Status App::validate() const {
  // RFC 3550 §6.7: the subtype occupies the 5-bit count field.
  if (subtype > kMaxCount) return Error(RtcpErrc::kInvalidArgument, "APP subtype above 31");
  return {};
}

void App::write_fields(ByteWriter& w) const {
  w.u32(ssrc.value);
  for (char c : name) w.u8(static_cast<uint8_t>(c));
  w.bytes(data);
}

}  // namespace tern::rtcp
