// serialize() of session_description.hpp: RFC 8866 §5 order, CRLF line ends.
#include "sdp/session_description.hpp"
#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

class Writer {
 public:
  explicit Writer(size_t reserve) { out_.reserve(reserve); }

  // "<type>=<value>\r\n"
  void line(char type, std::string_view value) {
    begin(type);
    out_ += value;
    end();
  }
  void begin(char type) {
    out_ += type;
    out_ += '=';
  }
  void end() { out_ += "\r\n"; }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

void write_connection(Writer& w, const Connection& c) {
  w.begin('c');
  std::string& out = w.out();
  out += c.net_type;
  out += ' ';
  out += c.address_type;
  out += ' ';
  out += c.address;
  if (c.ttl) {
    out += '/';
    text::append_uint(out, *c.ttl);
  }
  if (c.address_count) {
    out += '/';
    text::append_uint(out, *c.address_count);
  }
  w.end();
}

void write_bandwidth(Writer& w, const Bandwidth& b) {
  w.begin('b');
  w.out() += b.type;
  w.out() += ':';
  text::append_uint(w.out(), b.value);
  w.end();
}

void write_attributes(Writer& w, const AttributeList& list) {
  for (const auto& a : list.attributes) {
    w.begin('a');
    w.out() += a.name;
    if (!a.value.empty()) {
      w.out() += ':';
      w.out() += a.value;
    }
    w.end();
  }
}

// A rough size so that the output is built without reallocating.
size_t estimate_size(const SessionDescription& sd) {
  size_t size = 256;
  auto attributes = [](const AttributeList& list) {
    size_t n = 0;
    for (const auto& a : list.attributes) n += a.name.size() + a.value.size() + 5;
    return n;
  };
  size += attributes(sd);
  for (const auto& m : sd.media) {
    size += 64 + attributes(m);
    for (const auto& f : m.formats) size += f.size() + 1;
  }
  return size;
}

}  // namespace

std::string serialize(const SessionDescription& sd) {
  Writer w(estimate_size(sd));
  std::string& out = w.out();
  w.line('v', "0");

  const Origin& o = sd.origin;
  w.begin('o');
  out += o.username;
  out += ' ';
  text::append_uint(out, o.session_id);
  out += ' ';
  text::append_uint(out, o.session_version);
  out += ' ';
  out += o.net_type;
  out += ' ';
  out += o.address_type;
  out += ' ';
  out += o.address;
  w.end();

  w.line('s', sd.session_name);
  if (sd.information) w.line('i', *sd.information);
  if (sd.uri) w.line('u', *sd.uri);
  for (const auto& e : sd.emails) w.line('e', e);
  for (const auto& p : sd.phones) w.line('p', p);
  if (sd.connection) write_connection(w, *sd.connection);
  for (const auto& b : sd.bandwidths) write_bandwidth(w, b);
  for (const auto& t : sd.times) {
    w.begin('t');
    text::append_uint(out, t.start);
    out += ' ';
    text::append_uint(out, t.stop);
    w.end();
    for (const auto& r : t.repeats) {
      w.begin('r');
      out += r.interval;
      out += ' ';
      out += r.duration;
      for (const auto& offset : r.offsets) {
        out += ' ';
        out += offset;
      }
      w.end();
    }
    if (!t.zone_adjustments.empty()) {
      w.begin('z');
      for (size_t i = 0; i < t.zone_adjustments.size(); ++i) {
        if (i != 0) out += ' ';
        text::append_uint(out, t.zone_adjustments[i].time);
        out += ' ';
        out += t.zone_adjustments[i].offset;
      }
      w.end();
    }
  }
  if (sd.key) w.line('k', *sd.key);
  write_attributes(w, sd);

  for (const auto& m : sd.media) {
    w.begin('m');
    out += m.media;
    out += ' ';
    text::append_uint(out, m.port);
    if (m.port_count) {
      out += '/';
      text::append_uint(out, *m.port_count);
    }
    out += ' ';
    out += m.proto;
    for (const auto& f : m.formats) {
      out += ' ';
      out += f;
    }
    w.end();
    if (m.information) w.line('i', *m.information);
    for (const auto& c : m.connections) write_connection(w, c);
    for (const auto& b : m.bandwidths) write_bandwidth(w, b);
    if (m.key) w.line('k', *m.key);
    write_attributes(w, m);
  }
  return std::move(out);
}

}  // namespace tern::sdp
