#include "rtcp/transport_cc.hpp"

#include <algorithm>

namespace tern::rtcp {
namespace {

constexpr size_t kMaxRunLength = 0x1fff;  // 13 bits
constexpr size_t kOneBitSymbols = 14;
constexpr size_t kTwoBitSymbols = 7;

// Floor division for possibly negative times.
int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Splits the entries into packet chunks, calling emit(chunk) for each. Deterministic, so the
// size pass and the write pass agree:
//  - a run of >= 14 equal symbols (or the equal tail) becomes a run-length chunk;
//  - otherwise 14 symbols without a large delta become a one-bit vector;
//  - otherwise a run of >= 7 equal symbols becomes a run-length chunk;
//  - otherwise 7 symbols become a two-bit vector.
// Vector chunks at the end are filled with "not received" beyond the status count.
template <class Emit>
void encode_chunks(std::span<const TwccStatus> p, Emit&& emit) {
  size_t i = 0;
  const size_t n = p.size();
  while (i < n) {
    const TwccSymbol sym = p[i].symbol;
    size_t run = 1;
    while (i + run < n && run < kMaxRunLength && p[i + run].symbol == sym) ++run;
    auto emit_run = [&] {
      // §3.1.3: |0|S S|run length (13 bits)|
      emit(static_cast<uint16_t>((static_cast<unsigned>(sym) << 13) | run));
      i += run;
    };
    if (run >= kOneBitSymbols || i + run == n) {
      emit_run();
      continue;
    }
    const size_t k14 = std::min(kOneBitSymbols, n - i);
    const bool has_large = std::any_of(p.begin() + static_cast<std::ptrdiff_t>(i),
                                       p.begin() + static_cast<std::ptrdiff_t>(i + k14),
                                       [](const TwccStatus& s) { return s.symbol == TwccSymbol::kLargeDelta; });
    if (!has_large) {
      // §3.1.4: |1|0| 14 one-bit symbols, first symbol in the most significant bit.
      unsigned chunk = 0x8000;
      for (size_t j = 0; j < k14; ++j) {
        if (p[i + j].symbol == TwccSymbol::kSmallDelta) chunk |= 1u << (13 - j);
      }
      emit(static_cast<uint16_t>(chunk));
      i += k14;
      continue;
    }
    if (run >= kTwoBitSymbols) {
      emit_run();
      continue;
    }
    // §3.1.4: |1|1| 7 two-bit symbols.
    const size_t k7 = std::min(kTwoBitSymbols, n - i);
    unsigned chunk = 0xc000;
    for (size_t j = 0; j < k7; ++j) chunk |= static_cast<unsigned>(p[i + j].symbol) << (2 * (6 - j));
    emit(static_cast<uint16_t>(chunk));
    i += k7;
  }
}

}  // namespace

Result<TransportCc> TransportCc::build(Ssrc sender, Ssrc media, uint8_t fb_pkt_count,
                                       std::span<const TwccArrival> arrivals) {
  if (arrivals.empty()) return Error(RtcpErrc::kInvalidArgument, "transport-cc feedback needs packets");
  TransportCc fb;
  fb.sender_ssrc = sender;
  fb.media_ssrc = media;
  fb.fb_pkt_count = fb_pkt_count;
  fb.base_seq = arrivals.front().seq;
  // Offsets from the base; every sequence number must be newer than the one before it.
  size_t count = 1;
  for (size_t i = 1; i < arrivals.size(); ++i) {
    if (!serial_newer(arrivals[i].seq.value, arrivals[i - 1].seq.value)) {
      return Error(RtcpErrc::kInvalidArgument, "transport-cc sequence numbers must increase");
    }
    count += static_cast<uint16_t>(arrivals[i].seq.value - arrivals[i - 1].seq.value);
    // §3.1: packet status count is 16 bits.
    if (count > kMaxStatusCount) return Error(RtcpErrc::kInvalidArgument, "more than 65535 packets in one feedback");
  }
  fb.packets.assign(count, TwccStatus{});

  int64_t previous_us = 0;
  bool have_reference = false;
  for (const TwccArrival& a : arrivals) {
    if (!a.arrival) continue;
    const int64_t us = a.arrival->as_micros();
    if (!have_reference) {
      // §3.1: reference time in multiples of 64 ms, 24 bits signed (wraps with the clock).
      const int64_t ref = floor_div(us, kReferenceTickUs);
      const uint32_t wrapped = static_cast<uint32_t>(static_cast<uint64_t>(ref) & 0xffffff);
      fb.reference_time = (wrapped & 0x800000) ? static_cast<int32_t>(wrapped) - 0x1000000 : static_cast<int32_t>(wrapped);
      previous_us = ref * kReferenceTickUs;
      have_reference = true;
    }
    const int64_t ticks = floor_div(us - previous_us + kDeltaTickUs / 2, kDeltaTickUs);
    TwccStatus& status = fb.packets[static_cast<uint16_t>(a.seq.value - fb.base_seq.value)];
    // §3.1.5: a small delta is one unsigned octet, a large one 16 signed bits.
    if (ticks >= 0 && ticks <= 255) {
      status.symbol = TwccSymbol::kSmallDelta;
    } else if (ticks >= INT16_MIN && ticks <= INT16_MAX) {
      status.symbol = TwccSymbol::kLargeDelta;
    } else {
      return Error(RtcpErrc::kDeltaOutOfRange, "receive delta does not fit 16 signed bits of 250 us");
    }
    status.delta = static_cast<int16_t>(ticks);
    previous_us += ticks * kDeltaTickUs;
  }
  return fb;
}

std::vector<TwccArrival> TransportCc::arrivals() const {
  std::vector<TwccArrival> out;
  out.reserve(packets.size());
  int64_t t = int64_t{reference_time} * kReferenceTickUs;
  for (size_t i = 0; i < packets.size(); ++i) {
    TwccArrival a{SeqNo(static_cast<uint16_t>(base_seq.value + i)), std::nullopt};
    if (packets[i].symbol != TwccSymbol::kNotReceived) {
      // §3.1.5: each delta is relative to the previous received packet (the first to reference time).
      t += int64_t{packets[i].delta} * kDeltaTickUs;
      a.arrival = Timestamp::from_micros(t);
    }
    out.push_back(a);
  }
  return out;
}

Result<TransportCc> TransportCc::parse(const PacketView& v) {
  const std::span<const uint8_t> b = v.body;
  if (b.size() < kFixedSize) return Error(RtcpErrc::kTruncatedPacket, "transport-cc fixed fields", v.offset);
  TransportCc fb;
  fb.sender_ssrc = Ssrc(load_be32(&b[0]));
  fb.media_ssrc = Ssrc(load_be32(&b[4]));
  fb.base_seq = SeqNo(load_be16(&b[8]));
  const size_t status_count = load_be16(&b[10]);
  const uint32_t ref = load_be24(&b[12]);
  // §3.1: reference time is a signed 24-bit integer.
  fb.reference_time = (ref & 0x800000) ? static_cast<int32_t>(ref) - 0x1000000 : static_cast<int32_t>(ref);
  fb.fb_pkt_count = b[15];

  // Bounded by the 16-bit status count: at most 65535 entries of 4 bytes.
  fb.packets.reserve(status_count);
  size_t pos = kFixedSize;
  auto add = [&](TwccSymbol s) { fb.packets.push_back(TwccStatus{s, 0}); };
  while (fb.packets.size() < status_count) {
    // §3.1: chunks continue until packet status count symbols are described.
    if (b.size() - pos < 2) {
      return Error(RtcpErrc::kTwccChunksTruncated, "packet status chunks end before the status count", v.at(pos));
    }
    const uint16_t chunk = load_be16(&b[pos]);
    const size_t left = status_count - fb.packets.size();
    if ((chunk & 0x8000) == 0) {
      // §3.1.3 run length chunk.
      const unsigned sym = (chunk >> 13) & 3;
      if (sym == 3) return Error(RtcpErrc::kTwccReservedSymbol, "run length chunk with reserved symbol 11", v.at(pos));
      const size_t run = std::min<size_t>(chunk & kMaxRunLength, left);
      for (size_t j = 0; j < run; ++j) add(static_cast<TwccSymbol>(sym));
    } else if ((chunk & 0x4000) == 0) {
      // §3.1.4 status vector chunk with 14 one-bit symbols (0 = not received, 1 = small delta).
      const size_t k = std::min(kOneBitSymbols, left);
      for (size_t j = 0; j < k; ++j) {
        add((chunk >> (13 - j)) & 1 ? TwccSymbol::kSmallDelta : TwccSymbol::kNotReceived);
      }
    } else {
      // §3.1.4 status vector chunk with 7 two-bit symbols.
      const size_t k = std::min(kTwoBitSymbols, left);
      for (size_t j = 0; j < k; ++j) {
        const unsigned sym = (chunk >> (2 * (6 - j))) & 3;
        if (sym == 3) return Error(RtcpErrc::kTwccReservedSymbol, "status vector with reserved symbol 11", v.at(pos));
        add(static_cast<TwccSymbol>(sym));
      }
    }
    pos += 2;
  }

  for (TwccStatus& s : fb.packets) {
    if (s.symbol == TwccSymbol::kSmallDelta) {
      // §3.1.5: one octet, unsigned.
      if (b.size() - pos < 1) return Error(RtcpErrc::kTwccDeltasTruncated, "small receive delta", v.at(pos));
      s.delta = b[pos];
      pos += 1;
    } else if (s.symbol == TwccSymbol::kLargeDelta) {
      // §3.1.5: two octets, signed.
      if (b.size() - pos < 2) return Error(RtcpErrc::kTwccDeltasTruncated, "large receive delta", v.at(pos));
      s.delta = static_cast<int16_t>(load_be16(&b[pos]));
      pos += 2;
    }
  }
  // §3.1: zero padding up to the 32-bit boundary may follow the deltas.
  if (b.size() - pos >= 4) return Error(RtcpErrc::kTrailingBytes, "bytes after the receive deltas", v.at(pos));
  return fb;
}

Status TransportCc::validate() const {
  // §3.1: status count is 16 bits, reference time 24 signed bits.
  if (packets.size() > kMaxStatusCount) return Error(RtcpErrc::kInvalidArgument, "more than 65535 packet statuses");
  if (reference_time < kMinReferenceTime || reference_time > kMaxReferenceTime) {
    return Error(RtcpErrc::kInvalidArgument, "reference time beyond 24 signed bits");
  }
  for (const TwccStatus& s : packets) {
    if (s.symbol == TwccSymbol::kSmallDelta && (s.delta < 0 || s.delta > 255)) {
      return Error(RtcpErrc::kInvalidArgument, "small delta outside 0..255");
    }
    if (static_cast<unsigned>(s.symbol) > 2) return Error(RtcpErrc::kInvalidArgument, "unknown status symbol");
  }
  return {};
}

size_t TransportCc::fields_size() const {
  size_t size = kFixedSize;
  encode_chunks(packets, [&](uint16_t) { size += 2; });
  for (const TwccStatus& s : packets) {
    if (s.symbol == TwccSymbol::kSmallDelta) size += 1;
    if (s.symbol == TwccSymbol::kLargeDelta) size += 2;
  }
  return size;
}

void TransportCc::write_fields(ByteWriter& w) const {
  w.u32(sender_ssrc.value);
  w.u32(media_ssrc.value);
  w.u16(base_seq.value);
  w.u16(static_cast<uint16_t>(packets.size()));
  w.u24(static_cast<uint32_t>(reference_time) & 0xffffff);
  w.u8(fb_pkt_count);
  encode_chunks(packets, [&](uint16_t chunk) { w.u16(chunk); });
  for (const TwccStatus& s : packets) {
    if (s.symbol == TwccSymbol::kSmallDelta) w.u8(static_cast<uint8_t>(s.delta));
    if (s.symbol == TwccSymbol::kLargeDelta) w.u16(static_cast<uint16_t>(s.delta));
  }
}

}  // namespace tern::rtcp
