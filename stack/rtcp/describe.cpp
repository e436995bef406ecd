#include "rtcp/describe.hpp"

#include <cinttypes>
#include <cstdarg>
#include <cstdio>

#include "common/hex.hpp"

namespace tern::rtcp {
namespace {

class Out {
 public:
  // Appends one line at `depth` levels of indentation.
  [[gnu::format(printf, 3, 4)]] void line(int depth, const char* fmt, ...) {
    text_.append(static_cast<size_t>(depth) * 2, ' ');
    char buf[256];
    va_list args;
    va_start(args, fmt);
    const int n = std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    if (n > 0) text_.append(buf, std::min(static_cast<size_t>(n), sizeof buf - 1));
    text_.push_back('\n');
  }
  // Appends a line of any length (no formatting buffer).
  void raw(int depth, std::string_view s) {
    text_.append(static_cast<size_t>(depth) * 2, ' ');
    text_.append(s);
    text_.push_back('\n');
  }
  // Appends "name: <hex>" (long values are shown in full: the inspector wants every byte).
  void hex(int depth, const char* name, std::span<const uint8_t> bytes) {
    text_.append(static_cast<size_t>(depth) * 2, ' ');
    text_.append(name);
    text_.append(": ");
    text_.append(bytes.empty() ? std::string("(none)") : to_hex(bytes));
    text_.push_back('\n');
  }
  // Appends "name: "text"" with non-printable octets escaped.
  void text(int depth, const char* name, std::string_view s) {
    text_.append(static_cast<size_t>(depth) * 2, ' ');
    text_.append(name);
    text_.append(": \"");
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\') {
        text_.push_back(c);
      } else {
        char esc[8];
        std::snprintf(esc, sizeof esc, "\\x%02x", u);
        text_.append(esc);
      }
    }
    text_.append("\"\n");
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

void report_blocks(Out& o, int d, const std::vector<ReportBlock>& blocks) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    const ReportBlock& b = blocks[i];
    o.line(d, "report_block[%zu]:", i);
    o.line(d + 1, "ssrc: 0x%08" PRIx32, b.ssrc.value);
    o.line(d + 1, "fraction_lost: %u/256", unsigned{b.fraction_lost});
    o.line(d + 1, "cumulative_lost: %" PRId32, b.cumulative_lost);
    o.line(d + 1, "highest_seq: %" PRIu32 " (cycles %" PRIu32 ", seq %" PRIu32 ")", b.highest_seq,
           b.highest_seq >> 16, b.highest_seq & 0xffff);
    o.line(d + 1, "jitter: %" PRIu32, b.jitter);
    o.line(d + 1, "last_sr: 0x%08" PRIx32, b.last_sr);
    o.line(d + 1, "delay_since_last_sr: %" PRIu32 " (%.3f s)", b.delay_since_last_sr, b.delay_since_last_sr / 65536.0);
  }
}

void feedback_ssrcs(Out& o, int d, Ssrc sender, Ssrc media) {
  o.line(d, "sender_ssrc: 0x%08" PRIx32, sender.value);
  o.line(d, "media_ssrc: 0x%08" PRIx32, media.value);
}

struct Describer {
  Out& o;
  int d;

  void operator()(const SenderReport& p) {
    o.line(d, "SR (PT 200), %zu report block(s)", p.report_blocks.size());
    o.line(d + 1, "sender_ssrc: 0x%08" PRIx32, p.sender_ssrc.value);
    o.line(d + 1, "ntp_timestamp: 0x%016" PRIx64 " (%.6f s since 1900)", p.ntp_timestamp,
           static_cast<double>(p.ntp_timestamp) / 4294967296.0);
    o.line(d + 1, "rtp_timestamp: %" PRIu32, p.rtp_timestamp);
    o.line(d + 1, "packet_count: %" PRIu32, p.packet_count);
    o.line(d + 1, "octet_count: %" PRIu32, p.octet_count);
    report_blocks(o, d + 1, p.report_blocks);
    if (!p.extension.empty()) o.hex(d + 1, "extension", p.extension);
  }
  void operator()(const ReceiverReport& p) {
    o.line(d, "RR (PT 201), %zu report block(s)", p.report_blocks.size());
    o.line(d + 1, "sender_ssrc: 0x%08" PRIx32, p.sender_ssrc.value);
    report_blocks(o, d + 1, p.report_blocks);
    if (!p.extension.empty()) o.hex(d + 1, "extension", p.extension);
  }
  void operator()(const Sdes& p) {
    o.line(d, "SDES (PT 202), %zu chunk(s)", p.chunks.size());
    for (size_t i = 0; i < p.chunks.size(); ++i) {
      o.line(d + 1, "chunk[%zu]: ssrc 0x%08" PRIx32, i, p.chunks[i].ssrc.value);
      for (const SdesItem& item : p.chunks[i].items) {
        char name[32];
        std::snprintf(name, sizeof name, "%s (%u)", sdes_type_name(item.type), unsigned{item.type});
        o.text(d + 2, name, item.text);
      }
    }
  }
  void operator()(const Bye& p) {
    o.line(d, "BYE (PT 203), %zu source(s)", p.ssrcs.size());
    for (Ssrc s : p.ssrcs) o.line(d + 1, "ssrc: 0x%08" PRIx32, s.value);
    if (p.reason) o.text(d + 1, "reason", *p.reason);
  }
  void operator()(const App& p) {
    o.line(d, "APP (PT 204)");
    o.line(d + 1, "subtype: %u", unsigned{p.subtype});
    o.line(d + 1, "ssrc: 0x%08" PRIx32, p.ssrc.value);
    o.text(d + 1, "name", std::string_view(p.name.data(), p.name.size()));
    o.hex(d + 1, "data", p.data);
  }
  void operator()(const Nack& p) {
    o.line(d, "NACK (PT 205 FMT 1), %zu FCI entr%s", p.items.size(), p.items.size() == 1 ? "y" : "ies");
    feedback_ssrcs(o, d + 1, p.sender_ssrc, p.media_ssrc);
    for (const NackItem& item : p.items) o.line(d + 1, "pid: %u blp: 0x%04x", unsigned{item.pid}, unsigned{item.blp});
    std::string lost = "lost:";
    for (SeqNo s : p.lost()) {
      lost.push_back(' ');
      lost += std::to_string(s.value);
    }
    o.raw(d + 1, lost);
  }
  void operator()(const TransportCc& p) {
    o.line(d, "TRANSPORT-CC (PT 205 FMT 15), %zu packet(s)", p.packets.size());
    feedback_ssrcs(o, d + 1, p.sender_ssrc, p.media_ssrc);
    o.line(d + 1, "base_seq: %u", unsigned{p.base_seq.value});
    o.line(d + 1, "status_count: %zu", p.packets.size());
    o.line(d + 1, "reference_time: %" PRId32 " (%" PRId64 " ms)", p.reference_time,
           int64_t{p.reference_time} * TransportCc::kReferenceTickUs / 1000);
    o.line(d + 1, "fb_pkt_count: %u", unsigned{p.fb_pkt_count});
    const std::vector<TwccArrival> arrivals = p.arrivals();
    for (size_t i = 0; i < p.packets.size(); ++i) {
      const TwccStatus& s = p.packets[i];
      if (s.symbol == TwccSymbol::kNotReceived) {
        o.line(d + 1, "seq %u: not received", unsigned{arrivals[i].seq.value});
      } else {
        o.line(d + 1, "seq %u: %s delta %d (%.2f ms), arrival %.2f ms", unsigned{arrivals[i].seq.value},
               s.symbol == TwccSymbol::kSmallDelta ? "small" : "large", int{s.delta},
               s.delta * TransportCc::kDeltaTickUs / 1000.0,
               static_cast<double>(arrivals[i].arrival->as_micros()) / 1000.0);
      }
    }
  }
  void operator()(const Pli& p) {
    o.line(d, "PLI (PT 206 FMT 1)");
    feedback_ssrcs(o, d + 1, p.sender_ssrc, p.media_ssrc);
  }
  void operator()(const Fir& p) {
    o.line(d, "FIR (PT 206 FMT 4), %zu entr%s", p.entries.size(), p.entries.size() == 1 ? "y" : "ies");
    feedback_ssrcs(o, d + 1, p.sender_ssrc, p.media_ssrc);
    for (const FirEntry& e : p.entries) o.line(d + 1, "ssrc: 0x%08" PRIx32 " seq_nr: %u", e.ssrc.value, unsigned{e.seq_nr});
  }
  void operator()(const Remb& p) {
    o.line(d, "REMB (PT 206 FMT 15)");
    feedback_ssrcs(o, d + 1, p.sender_ssrc, p.media_ssrc);
    const Remb::Encoded e = Remb::encode_bitrate(p.bitrate_bps);
    o.line(d + 1, "bitrate: %" PRIu64 " bps (mantissa %" PRIu32 " exp %u)", p.bitrate_bps, e.mantissa, unsigned{e.exp});
    for (Ssrc s : p.ssrcs) o.line(d + 1, "ssrc: 0x%08" PRIx32, s.value);
  }
  void operator()(const RawPacket& p) {
    o.line(d, "PT %u count/FMT %u (not decoded), %zu body byte(s)", unsigned{p.type}, unsigned{p.count}, p.body.size());
    o.hex(d + 1, "body", p.body);
  }
};

void describe_into(Out& o, int depth, const Packet& packet) {
  std::visit(Describer{o, depth}, packet.body);
  if (packet.padding) o.line(depth + 1, "padding: %u octet(s)", unsigned{packet.padding});
}

}  // namespace

std::string describe(const Packet& packet) {
  Out o;
  describe_into(o, 0, packet);
  return o.take();
}

std::string describe(std::span<const Packet> packets) {
  Out o;
  o.line(0, "RTCP compound, %zu packet(s)", packets.size());
  for (size_t i = 0; i < packets.size(); ++i) {
    o.line(1, "[%zu]", i);
    describe_into(o, 2, packets[i]);
  }
  return o.take();
}

std::string describe_bytes(std::span<const uint8_t> data) {
  Result<std::vector<Packet>> packets = parse_compound(data);
  if (!packets) return "RTCP parse error: " + packets.error().to_string() + "\n";
  return describe(*packets);
}

}  // namespace tern::rtcp
