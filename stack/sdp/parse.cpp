// parse() of session_description.hpp: the line splitter, the RFC 8866 §5 order state machine,
// and one parser per line type.
#include <algorithm>

#include "sdp/address.hpp"
#include "sdp/session_description.hpp"
#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

// Session-level order of RFC 8866 §5 / §9, as ranks; a line may not follow a higher rank (except
// inside the t=/r=/z= time descriptions, handled apart).
enum Rank : int {
  kNone = -1, kV = 0, kO, kS, kI, kU, kE, kP, kC, kB, kT, kR, kZ, kK, kA,
};

// RFC 8866 §9 typed-time = 1*DIGIT [fixed-len-time-unit]; repeat-interval has a POS-DIGIT first.
bool is_typed_time(std::string_view s, bool positive) {
  if (!s.empty() && (s.back() == 'd' || s.back() == 'h' || s.back() == 'm' || s.back() == 's')) s.remove_suffix(1);
  if (!text::all_digits(s) || s.size() > 19) return false;
  return !positive || s[0] != '0';
}

Result<Origin> parse_origin(std::string_view value) {
  Origin o;
  text::Fields fields(value, ' ');
  std::string_view f[6];
  for (auto& field : f) {
    auto next = fields.next();
    if (!next) return Error(SdpErrc::kBadOrigin, "o= does not have 6 fields");
    field = *next;
  }
  if (!fields.done()) return Error(SdpErrc::kBadOrigin, "o= does not have 6 fields");
  // RFC 8866 §9: username = non-ws-string; sess-id = sess-version = 1*DIGIT (JSEP: 64 bits).
  if (!text::is_non_ws_string(f[0])) return Error(SdpErrc::kBadOrigin, "o= username is empty");
  if (!text::parse_uint_to(f[1], o.session_id)) return Error(SdpErrc::kBadOrigin, "o= sess-id is not a 64-bit integer");
  if (!text::parse_uint_to(f[2], o.session_version)) {
    return Error(SdpErrc::kBadOrigin, "o= sess-version is not a 64-bit integer");
  }
  if (!text::is_token(f[3]) || !text::is_token(f[4])) return Error(SdpErrc::kBadOrigin, "o= nettype or addrtype is not a token");
  if (f[3] == "IN" && (f[4] == "IP4" || f[4] == "IP6")) {
    auto kind = classify_address(f[5]);
    if (!kind || (f[4] == "IP4" && *kind == AddressKind::kIpv6) || (f[4] == "IP6" && *kind == AddressKind::kIpv4)) {
      return Error(SdpErrc::kBadOrigin, "o= address is not a unicast address of its addrtype");
    }
  } else if (!text::is_non_ws_string(f[5])) {
    return Error(SdpErrc::kBadOrigin, "o= address is empty");
  }
  o.username = std::string(f[0]);
  o.net_type = std::string(f[3]);
  o.address_type = std::string(f[4]);
  o.address = std::string(f[5]);
  return o;
}

Result<Connection> parse_connection(std::string_view value) {
  Connection c;
  text::Fields fields(value, ' ');
  auto net_type = fields.next();
  auto address_type = fields.next();
  auto address = fields.next();
  if (!address || !fields.done()) return Error(SdpErrc::kBadConnection, "c= does not have 3 fields");
  if (!text::is_token(*net_type) || !text::is_token(*address_type)) {
    return Error(SdpErrc::kBadConnection, "c= nettype or addrtype is not a token");
  }
  c.net_type = std::string(*net_type);
  c.address_type = std::string(*address_type);
  const bool ip4 = *net_type == "IN" && *address_type == "IP4";
  const bool ip6 = *net_type == "IN" && *address_type == "IP6";
  if (!ip4 && !ip6) {
    // RFC 8866 §9 extn-addr = non-ws-string: other address families are kept verbatim.
    if (!text::is_non_ws_string(*address)) return Error(SdpErrc::kBadConnection, "c= address is empty");
    c.address = std::string(*address);
    return c;
  }
  text::Fields parts(*address, '/');
  const std::string_view host = *parts.next();
  auto kind = classify_address(host);
  if (!kind || (ip4 && *kind == AddressKind::kIpv6) || (ip6 && *kind == AddressKind::kIpv4)) {
    return Error(SdpErrc::kBadConnection, "c= address is not an address of its addrtype");
  }
  c.address = std::string(host);
  if (auto first = parts.next()) {
    uint32_t n = 0;
    if (ip4) {
      // RFC 8866 §9 IP4-multicast: "/" ttl ["/" numaddr]; ttl = 0-255.
      uint8_t ttl = 0;
      if (!text::parse_uint_to(*first, ttl)) return Error(SdpErrc::kBadConnection, "c= TTL is not 0-255");
      c.ttl = ttl;
      if (auto count = parts.next()) {
        if (!text::parse_uint_to(*count, n) || n == 0) return Error(SdpErrc::kBadConnection, "c= address count is not a positive integer");
        c.address_count = n;
      }
    } else {
      // RFC 8866 §9 IP6-multicast = IP6-address ["/" numaddr].
      if (!text::parse_uint_to(*first, n) || n == 0) return Error(SdpErrc::kBadConnection, "c= address count is not a positive integer");
      c.address_count = n;
    }
    if (!parts.done()) return Error(SdpErrc::kBadConnection, "c= address has too many '/' parts");
  }
  return c;
}

Result<Bandwidth> parse_bandwidth(std::string_view value) {
  // RFC 8866 §9: bandwidth-field = "b=" bwtype ":" bandwidth; bwtype = token; bandwidth = 1*DIGIT.
  const size_t colon = value.find(':');
  if (colon == std::string_view::npos) return Error(SdpErrc::kBadBandwidth, "b= has no ':'");
  if (!text::is_token(value.substr(0, colon))) return Error(SdpErrc::kBadBandwidth, "b= bwtype is not a token");
  Bandwidth b;
  if (!text::parse_uint_to(value.substr(colon + 1), b.value)) return Error(SdpErrc::kBadBandwidth, "b= bandwidth is not an integer");
  b.type = std::string(value.substr(0, colon));
  return b;
}

Result<TimeDescription> parse_time(std::string_view value) {
  TimeDescription t;
  text::Fields fields(value, ' ');
  auto start = fields.next();
  auto stop = fields.next();
  // RFC 8866 §9: time-field = "t=" start-time SP stop-time (decimal NTP seconds, or 0).
  if (!stop || !fields.done()) return Error(SdpErrc::kBadTiming, "t= does not have 2 fields");
  if (!text::parse_uint_to(*start, t.start) || !text::parse_uint_to(*stop, t.stop)) {
    return Error(SdpErrc::kBadTiming, "t= time is not a 64-bit integer");
  }
  return t;
}

Result<Repeat> parse_repeat(std::string_view value) {
  Repeat r;
  text::Fields fields(value, ' ');
  auto interval = fields.next();
  auto duration = fields.next();
  // RFC 8866 §9: repeat-field = "r=" repeat-interval SP typed-time 1*(SP typed-time).
  if (!duration || fields.done()) return Error(SdpErrc::kBadTiming, "r= has fewer than 3 fields");
  if (!is_typed_time(*interval, true)) return Error(SdpErrc::kBadTiming, "r= repeat interval is not a positive typed-time");
  if (!is_typed_time(*duration, false)) return Error(SdpErrc::kBadTiming, "r= active duration is not a typed-time");
  r.interval = std::string(*interval);
  r.duration = std::string(*duration);
  while (auto offset = fields.next()) {
    if (!is_typed_time(*offset, false)) return Error(SdpErrc::kBadTiming, "r= offset is not a typed-time");
    r.offsets.emplace_back(*offset);
  }
  return r;
}

Status parse_zone(std::string_view value, std::vector<ZoneAdjustment>& out) {
  text::Fields fields(value, ' ');
  // RFC 8866 §9: zone-field = "z=" time SP ["-"] typed-time *(SP time SP ["-"] typed-time).
  while (auto time = fields.next()) {
    auto offset = fields.next();
    if (!offset) return Error(SdpErrc::kBadTiming, "z= adjustment time has no offset");
    ZoneAdjustment z;
    if (!text::parse_uint_to(*time, z.time)) return Error(SdpErrc::kBadTiming, "z= adjustment time is not an integer");
    std::string_view magnitude = *offset;
    if (!magnitude.empty() && magnitude.front() == '-') magnitude.remove_prefix(1);
    if (!is_typed_time(magnitude, false)) return Error(SdpErrc::kBadTiming, "z= offset is not a typed-time");
    z.offset = std::string(*offset);
    out.push_back(std::move(z));
  }
  return {};
}

Status parse_media_line(std::string_view value, MediaDescription& m) {
  text::Fields fields(value, ' ');
  auto media = fields.next();
  auto port = fields.next();
  auto proto = fields.next();
  // RFC 8866 §9: media-field = "m=" media SP port ["/" integer] SP proto 1*(SP fmt).
  if (!proto || fields.done()) return Error(SdpErrc::kBadMedia, "m= has fewer than 4 fields");
  if (!text::is_token(*media)) return Error(SdpErrc::kBadMedia, "m= media is not a token");
  text::Fields port_parts(*port, '/');
  if (!text::parse_uint_to(*port_parts.next(), m.port)) return Error(SdpErrc::kBadMedia, "m= port is not 0-65535");
  if (auto count = port_parts.next()) {
    uint32_t n = 0;
    if (!text::parse_uint_to(*count, n) || n == 0 || !port_parts.done()) {
      return Error(SdpErrc::kBadMedia, "m= number of ports is not a positive integer");
    }
    m.port_count = n;
  }
  // proto = token *("/" token)
  text::Fields proto_parts(*proto, '/');
  while (auto part = proto_parts.next()) {
    if (!text::is_token(*part)) return Error(SdpErrc::kBadMedia, "m= proto is not token *(\"/\" token)");
  }
  m.media = std::string(*media);
  m.proto = std::string(*proto);
  while (auto fmt = fields.next()) {
    if (!text::is_token(*fmt)) return Error(SdpErrc::kBadMedia, "m= fmt is not a token");
    m.formats.emplace_back(*fmt);
  }
  return {};
}

Status parse_attribute_line(std::string_view value, AttributeList& list) {
  // RFC 8866 §9: attribute = (attribute-name ":" attribute-value) / attribute-name.
  const size_t colon = value.find(':');
  const std::string_view name = value.substr(0, colon);
  std::string_view attribute_value;
  if (colon != std::string_view::npos) {
    attribute_value = value.substr(colon + 1);
    // attribute-value = byte-string = 1*(...): "a=name:" has no value.
    if (attribute_value.empty()) return Error(SdpErrc::kBadAttribute, "attribute has ':' but no value");
  }
  if (auto st = validate_attribute(name, attribute_value); !st) return st;
  list.attributes.push_back({std::string(name), std::string(attribute_value)});
  return {};
}

class Parser {
 public:
  // `rest` is the text after this line: used to tell a line that is missing from one that comes
  // later than it should.
  Status line(uint32_t number, char type, std::string_view value, std::string_view rest);
  Status finish(uint32_t lines);
  SessionDescription take() { return std::move(sd_); }

 private:
  Status session_line(char type, std::string_view value);
  Status media_line(char type, std::string_view value);

  // True when a line of this type follows in the rest of the text (error path only).
  bool appears_later(char type) const;
  // kLineOrder when a `type` line comes later, else kMissingLine.
  Error missing_or_late(char type, const char* missing, const char* late) const;

  SessionDescription sd_;
  std::string_view rest_;
  int rank_ = kNone;         // highest session-level rank seen so far
  int media_rank_ = 0;       // inside a media section: 0 after m=, then i=1 c=2 b=3 k=4 a=5
  std::vector<uint32_t> media_lines_;  // line number of each m=, for the c= check
};

bool Parser::appears_later(char type) const {
  const char prefix[3] = {'\n', type, '='};
  const std::string_view at_start(prefix + 1, 2);
  return rest_.substr(0, 2) == at_start || rest_.find(std::string_view(prefix, 3)) != std::string_view::npos;
}

Error Parser::missing_or_late(char type, const char* missing, const char* late) const {
  if (appears_later(type)) return Error(SdpErrc::kLineOrder, late);
  return Error(SdpErrc::kMissingLine, missing);
}

Status Parser::line(uint32_t number, char type, std::string_view value, std::string_view rest) {
  rest_ = rest;
  Status st = media_lines_.empty() || type == 'm' ? session_line(type, value) : media_line(type, value);
  if (!st) return st.error().with_position(number);
  if (type == 'm') media_lines_.push_back(number);
  return st;
}

Status Parser::session_line(char type, std::string_view value) {
  // The three opening lines, each exactly once and in this order (RFC 8866 §5).
  if (type == 'v') {
    if (rank_ != kNone) return Error(SdpErrc::kLineOrder, "v= must be the first line, once");
    // RFC 8866 §5.1: "v=0"; this memo describes version 0.
    if (value != "0") return Error(SdpErrc::kBadVersion, "v= is not 0");
    rank_ = kV;
    return {};
  }
  if (rank_ == kNone) {
    return missing_or_late('v', "v= missing: the first line must be v=", "v= is not the first line");
  }
  if (type == 'o') {
    if (rank_ != kV) return Error(SdpErrc::kLineOrder, "o= must follow v=, once");
    auto o = parse_origin(value);
    if (!o) return o.error();
    sd_.origin = std::move(*o);
    rank_ = kO;
    return {};
  }
  if (rank_ < kO) return missing_or_late('o', "o= missing after v=", "o= must come right after v=");
  if (type == 's') {
    if (rank_ != kO) return Error(SdpErrc::kLineOrder, "s= must follow o=, once");
    sd_.session_name = std::string(value);
    rank_ = kS;
    return {};
  }
  if (rank_ < kS) return missing_or_late('s', "s= missing after o=", "s= must come right after o=");

  switch (type) {
    case 'i':
      if (rank_ >= kI) return Error(SdpErrc::kLineOrder, "i= must follow s=, once");
      sd_.information = std::string(value);
      rank_ = kI;
      return {};
    case 'u':
      if (rank_ >= kU) return Error(SdpErrc::kLineOrder, "u= must come before e= p= c= b= t=, once");
      sd_.uri = std::string(value);
      rank_ = kU;
      return {};
    case 'e':
      if (rank_ > kE) return Error(SdpErrc::kLineOrder, "e= must come before p= c= b= t=");
      sd_.emails.emplace_back(value);
      rank_ = kE;
      return {};
    case 'p':
      if (rank_ > kP) return Error(SdpErrc::kLineOrder, "p= must come before c= b= t=");
      sd_.phones.emplace_back(value);
      rank_ = kP;
      return {};
    case 'c': {
      if (rank_ >= kC) return Error(SdpErrc::kLineOrder, "session c= must come before b= t=, once");
      auto c = parse_connection(value);
      if (!c) return c.error();
      sd_.connection = std::move(*c);
      rank_ = kC;
      return {};
    }
    case 'b': {
      if (rank_ > kB) return Error(SdpErrc::kLineOrder, "session b= must come before t=");
      auto b = parse_bandwidth(value);
      if (!b) return b.error();
      sd_.bandwidths.push_back(std::move(*b));
      rank_ = kB;
      return {};
    }
    case 't': {
      if (rank_ > kZ) return Error(SdpErrc::kLineOrder, "t= must come before k= a= m=");
      auto t = parse_time(value);
      if (!t) return t.error();
      // The default-constructed description has one placeholder time description.
      if (rank_ < kT) sd_.times.clear();
      sd_.times.push_back(std::move(*t));
      rank_ = kT;
      return {};
    }
    case 'r': {
      if (rank_ != kT && rank_ != kR) return Error(SdpErrc::kLineOrder, "r= must follow t= or r=");
      auto r = parse_repeat(value);
      if (!r) return r.error();
      sd_.times.back().repeats.push_back(std::move(*r));
      rank_ = kR;
      return {};
    }
    case 'z':
      // RFC 8866 §9: repeat-description = 1*repeat-field [zone-field]; z= without r= is an error.
      if (rank_ != kR) return Error(SdpErrc::kLineOrder, "z= must follow an r= line");
      rank_ = kZ;
      return parse_zone(value, sd_.times.back().zone_adjustments);
    default:
      break;
  }
  // k=, a= and m= need the time descriptions before them.
  if (rank_ < kT) return missing_or_late('t', "t= missing before k= a= m=", "t= must come before k= a= m=");
  switch (type) {
    case 'k':
      if (rank_ >= kK) return Error(SdpErrc::kLineOrder, "session k= must come before a= m=, once");
      sd_.key = std::string(value);
      rank_ = kK;
      return {};
    case 'a':
      rank_ = kA;
      return parse_attribute_line(value, sd_);
    case 'm': {
      // RFC 8866 §5 order is now done at session level; media sections follow.
      if (sd_.media.size() >= kMaxMediaSections) return Error(SdpErrc::kTooLarge, "more than 1024 media sections");
      rank_ = kA;
      sd_.media.emplace_back();
      media_rank_ = 0;
      return parse_media_line(value, sd_.media.back());
    }
    default:
      return Error(SdpErrc::kLineOrder, "line type not allowed here");
  }
}

Status Parser::media_line(char type, std::string_view value) {
  MediaDescription& m = sd_.media.back();
  switch (type) {
    case 'i':
      if (media_rank_ >= 1) return Error(SdpErrc::kLineOrder, "media i= must follow m=, once");
      m.information = std::string(value);
      media_rank_ = 1;
      return {};
    case 'c': {
      if (media_rank_ > 2) return Error(SdpErrc::kLineOrder, "media c= must come before b= k= a=");
      auto c = parse_connection(value);
      if (!c) return c.error();
      m.connections.push_back(std::move(*c));
      media_rank_ = 2;
      return {};
    }
    case 'b': {
      if (media_rank_ > 3) return Error(SdpErrc::kLineOrder, "media b= must come before k= a=");
      auto b = parse_bandwidth(value);
      if (!b) return b.error();
      m.bandwidths.push_back(std::move(*b));
      media_rank_ = 3;
      return {};
    }
    case 'k':
      if (media_rank_ >= 4) return Error(SdpErrc::kLineOrder, "media k= must come before a=, once");
      m.key = std::string(value);
      media_rank_ = 4;
      return {};
    case 'a':
      media_rank_ = 5;
      return parse_attribute_line(value, m);
    default:
      // v= o= s= u= e= p= t= r= z= belong to the session part (RFC 8866 §5).
      return Error(SdpErrc::kLineOrder, "session-level line inside a media section");
  }
}

Status Parser::finish(uint32_t lines) {
  const uint32_t next = lines + 1;
  if (rank_ == kNone) return Error(SdpErrc::kMissingLine, "v= missing: the first line must be v=", next);
  if (rank_ < kO) return Error(SdpErrc::kMissingLine, "o= missing after v=", next);
  if (rank_ < kS) return Error(SdpErrc::kMissingLine, "s= missing after o=", next);
  if (rank_ < kT) return Error(SdpErrc::kMissingLine, "t= missing", next);
  // RFC 8866 §5.7: a connection field must be present in every media description or at the
  // session level.
  if (!sd_.connection) {
    for (size_t i = 0; i < sd_.media.size(); ++i) {
      if (sd_.media[i].connections.empty()) {
        return Error(SdpErrc::kMissingLine, "c= missing in a media section and at session level", media_lines_[i]);
      }
    }
  }
  return {};
}

}  // namespace

Result<SessionDescription> parse(std::string_view text) {
  if (text.size() > kMaxDescriptionSize) return Error(SdpErrc::kTooLarge, "description is larger than 256 KiB");
  Parser parser;
  uint32_t number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    ++number;
    if (number > kMaxLines) return Error(SdpErrc::kTooLarge, "more than 8192 lines", number);
    // One pass over the line: find its end and reject the bytes RFC 8866 §9 byte-string excludes.
    size_t end = pos;
    bool bad_byte = false;
    while (end < text.size() && text[end] != '\n') {
      const char ch = text[end];
      // A CR is only allowed as the first half of CRLF.
      bad_byte |= ch == '\0' || (ch == '\r' && (end + 1 >= text.size() || text[end + 1] != '\n'));
      ++end;
    }
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    // Accept CRLF and bare LF line ends.
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (bad_byte) return Error(SdpErrc::kMalformedLine, "line contains NUL or a lone CR", number);
    if (line.empty()) return Error(SdpErrc::kMalformedLine, "empty line", number);
    // RFC 8866 §5: <type>=<value>, <type> exactly one character, no whitespace around '='.
    if (line.size() < 2 || line[1] != '=') {
      const size_t eq = line.find('=');
      if (eq == std::string_view::npos) return Error(SdpErrc::kMalformedLine, "line has no '='", number);
      if (eq == 0) return Error(SdpErrc::kMalformedLine, "line has no type letter before '='", number);
      if (line[eq - 1] == ' ' || line[eq - 1] == '\t') return Error(SdpErrc::kMalformedLine, "whitespace before '='", number);
      return Error(SdpErrc::kMalformedLine, "type is not a single character", number);
    }
    const char type = line[0];
    const std::string_view value = line.substr(2);
    // RFC 8866 §5: a parser MUST completely ignore (here: reject) a description with a type
    // letter it does not understand.
    if (std::string_view("vosiuepcbtrzkam").find(type) == std::string_view::npos) {
      return Error(SdpErrc::kUnknownLineType, "unknown type letter", number);
    }
    // RFC 8866 §9: every field value is at least one character.
    if (value.empty()) return Error(SdpErrc::kMalformedLine, "empty value after '='", number);
    // "s= " is the RFC 8866 §5.3 spelling of an empty session name, and i= is free text;
    // elsewhere a value starting with whitespace is whitespace after '='.
    if ((value[0] == ' ' || value[0] == '\t') && type != 's' && type != 'i') {
      return Error(SdpErrc::kMalformedLine, "whitespace after '='", number);
    }
    if (auto st = parser.line(number, type, value, text.substr(std::min(pos, text.size()))); !st) return st.error();
  }
  if (auto st = parser.finish(number); !st) return st.error();
  return parser.take();
}

const MediaDescription* SessionDescription::find_media(std::string_view mid_value) const {
  for (const auto& m : media) {
    if (m.mid() == mid_value) return &m;
  }
  return nullptr;
}

}  // namespace tern::sdp
