#include "sdp/simulcast.hpp"

#include "sdp/rid.hpp"
#include "sdp/text.hpp"

namespace tern::sdp {
namespace {

Status parse_stream_list(std::string_view list, std::vector<SimulcastStream>& out) {
  // RFC 8853 §5.1: sc-str-list = sc-alt-list *(";" sc-alt-list); sc-alt-list = sc-id *("," sc-id);
  // sc-id = ["~"] rid-id.
  text::Fields streams(list, ';');
  while (auto stream = streams.next()) {
    SimulcastStream alternatives;
    text::Fields ids(*stream, ',');
    while (auto id = ids.next()) {
      SimulcastId sc;
      std::string_view rid = *id;
      if (!rid.empty() && rid.front() == '~') {
        sc.paused = true;
        rid.remove_prefix(1);
      }
      if (!is_rid_id(rid)) return Error(SdpErrc::kBadSimulcast, "simulcast rid is not 1*(alpha-numeric / \"-\" / \"_\")");
      sc.rid = std::string(rid);
      alternatives.push_back(std::move(sc));
    }
    out.push_back(std::move(alternatives));
  }
  return {};
}

void append_stream_list(std::string& out, const std::vector<SimulcastStream>& streams) {
  for (size_t i = 0; i < streams.size(); ++i) {
    if (i != 0) out += ';';
    for (size_t j = 0; j < streams[i].size(); ++j) {
      if (j != 0) out += ',';
      if (streams[i][j].paused) out += '~';
      out += streams[i][j].rid;
    }
  }
}

}  // namespace

Result<Simulcast> parse_simulcast(std::string_view value) {
  Simulcast simulcast;
  text::Fields fields(value, ' ');
  int directions = 0;
  while (auto dir = fields.next()) {
    // sc-value = (sc-send [SP sc-recv]) / (sc-recv [SP sc-send]): each direction at most once.
    std::vector<SimulcastStream>* target = nullptr;
    if (*dir == "send") {
      target = &simulcast.send;
    } else if (*dir == "recv") {
      target = &simulcast.recv;
    } else {
      return Error(SdpErrc::kBadSimulcast, "simulcast direction is not send/recv");
    }
    if (!target->empty()) return Error(SdpErrc::kBadSimulcast, "simulcast direction appears twice");
    auto list = fields.next();
    if (!list) return Error(SdpErrc::kBadSimulcast, "simulcast direction has no stream list");
    if (auto st = parse_stream_list(*list, *target); !st) return st.error();
    ++directions;
  }
  if (directions == 0) return Error(SdpErrc::kBadSimulcast, "simulcast has no direction");
  return simulcast;
}

std::string serialize(const Simulcast& simulcast) {
  std::string out;
  if (!simulcast.send.empty()) {
    out += "send ";
    append_stream_list(out, simulcast.send);
  }
  if (!simulcast.recv.empty()) {
    if (!out.empty()) out += ' ';
    out += "recv ";
    append_stream_list(out, simulcast.recv);
  }
  return out;
}

}  // namespace tern::sdp
