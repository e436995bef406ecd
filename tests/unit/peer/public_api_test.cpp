// The plain types of the public API (stack/include/tern): W3C names, RtcResult, stats ids and
// lookups, defaults. The classes (PeerConnection, DataChannel, ...) are only type-checked here:
// their implementation is wired by the peer module.
#include <catch2/catch.hpp>

#include "tern/tern.hpp"

namespace {

TEST_CASE("W3C enum spellings", "[peer][api]") {
  using tern::to_string;
  CHECK(to_string(tern::SignalingState::kStable) == "stable");
  CHECK(to_string(tern::SignalingState::kHaveLocalOffer) == "have-local-offer");
  CHECK(to_string(tern::SignalingState::kHaveRemoteOffer) == "have-remote-offer");
  CHECK(to_string(tern::SignalingState::kHaveLocalPranswer) == "have-local-pranswer");
  CHECK(to_string(tern::SignalingState::kHaveRemotePranswer) == "have-remote-pranswer");
  CHECK(to_string(tern::SignalingState::kClosed) == "closed");
  CHECK(to_string(tern::IceGatheringState::kGathering) == "gathering");
  CHECK(to_string(tern::IceGatheringState::kComplete) == "complete");
  CHECK(to_string(tern::IceConnectionState::kCompleted) == "completed");
  CHECK(to_string(tern::IceConnectionState::kDisconnected) == "disconnected");
  CHECK(to_string(tern::PeerConnectionState::kConnecting) == "connecting");
  CHECK(to_string(tern::PeerConnectionState::kFailed) == "failed");
  CHECK(to_string(tern::DataChannelState::kClosing) == "closing");
  CHECK(to_string(tern::SdpType::kPranswer) == "pranswer");
  CHECK(to_string(tern::StatsType::kCandidatePair) == "candidate-pair");
  CHECK(to_string(tern::StatsType::kRemoteCandidate) == "remote-candidate");
  CHECK(to_string(tern::CandidatePairState::kInProgress) == "in-progress");
  CHECK(to_string(tern::IceRole::kControlling) == "controlling");
  CHECK(to_string(tern::DtlsRole::kClient) == "client");
  CHECK(to_string(tern::DtlsTransportState::kConnected) == "connected");
  CHECK(to_string(tern::TransceiverDirection::kRecvOnly) == "recvonly");
  CHECK(to_string(tern::TransceiverDirection::kStopped) == "stopped");
  CHECK(to_string(tern::MediaKind::kVideo) == "video");
  CHECK(to_string(tern::IceTransportPolicy::kRelay) == "relay");
  CHECK(to_string(tern::BundlePolicy::kMaxBundle) == "max-bundle");
  CHECK(to_string(tern::RtcErrorCode::kInvalidState) == "InvalidStateError");
  CHECK(to_string(tern::RtcErrorCode::kSdpSyntax) == "sdp-syntax-error");
  CHECK(to_string(tern::RtcErrorCode::kSctpFailure) == "sctp-failure");
}

TEST_CASE("string to enum: exact W3C spellings only", "[peer][api]") {
  for (auto t : {tern::SdpType::kOffer, tern::SdpType::kPranswer, tern::SdpType::kAnswer, tern::SdpType::kRollback}) {
    CHECK(tern::sdp_type_from_string(tern::to_string(t)) == t);
  }
  CHECK_FALSE(tern::sdp_type_from_string("Offer"));
  CHECK_FALSE(tern::sdp_type_from_string(""));
  for (auto s : {tern::SignalingState::kStable, tern::SignalingState::kHaveLocalOffer,
                 tern::SignalingState::kHaveRemoteOffer, tern::SignalingState::kHaveLocalPranswer,
                 tern::SignalingState::kHaveRemotePranswer, tern::SignalingState::kClosed}) {
    CHECK(tern::signaling_state_from_string(tern::to_string(s)) == s);
  }
  CHECK_FALSE(tern::signaling_state_from_string("have_local_offer"));
  static_assert(tern::to_string(tern::SdpType::kAnswer) == "answer");  // usable at compile time
}

TEST_CASE("RtcResult and RtcError", "[peer][api]") {
  tern::RtcResult<int> ok = 7;
  REQUIRE(ok.ok());
  CHECK(*ok == 7);
  CHECK(ok.value_or(1) == 7);
  tern::RtcResult<int> bad = tern::RtcError{tern::RtcErrorCode::kSdpSyntax, "sdp kBadSctp at 13: a=sctp-port", 13u, {}};
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.value_or(1) == 1);
  CHECK(bad.error().code == tern::RtcErrorCode::kSdpSyntax);
  CHECK(bad.error().sdp_line_number == 13u);
  CHECK(bad.error().to_string() == "sdp-syntax-error: sdp kBadSctp at 13: a=sctp-port");
  tern::RtcStatus done;
  CHECK(done.ok());
  tern::RtcStatus failed = tern::RtcError{tern::RtcErrorCode::kInvalidState, "closed", {}, {}};
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().to_string() == "InvalidStateError: closed");
  tern::RtcResult<std::string> moved = std::string("x");
  CHECK(std::move(moved).value() == "x");
}

TEST_CASE("IceCandidate, SessionDescription, DataChannelMessage", "[peer][api]") {
  tern::IceCandidate end;
  CHECK(end.is_end_of_candidates());
  tern::IceCandidate c{"candidate:1 1 udp 2122260223 127.0.0.1 5000 typ host", "0", 0, std::nullopt};
  CHECK_FALSE(c.is_end_of_candidates());
  CHECK(c.sdp_mid == std::string("0"));
  tern::SessionDescription d{tern::SdpType::kAnswer, "v=0\r\n"};
  CHECK(d == tern::SessionDescription{tern::SdpType::kAnswer, "v=0\r\n"});
  const uint8_t bytes[] = {'h', 'i'};
  tern::DataChannelMessage m{false, bytes};
  CHECK(m.text() == "hi");
}

TEST_CASE("defaults: Configuration, DataChannelInit, RuntimeOptions", "[peer][api]") {
  tern::Configuration config;
  CHECK(config.ice_servers.empty());
  CHECK(config.ice_transport_policy == tern::IceTransportPolicy::kAll);
  CHECK(config.bundle_policy == tern::BundlePolicy::kMaxBundle);
  CHECK(config.max_message_size == 262144);
  CHECK_FALSE(config.include_loopback);
  config.ice_servers = {{{"stun:stun.example.org:3478"}}, {{"turn:turn.example.org:3478?transport=udp"}, "user", "pass"}};
  CHECK(config.ice_servers[1].username == "user");
  tern::DataChannelInit init;
  CHECK(init.ordered);
  CHECK_FALSE(init.negotiated);
  CHECK_FALSE(init.max_retransmits);
  CHECK_FALSE(init.id);
  CHECK(tern::RuntimeOptions{}.threads == 1);
  CHECK(tern::TransceiverInit{}.direction == tern::TransceiverDirection::kSendRecv);
}

TEST_CASE("stats ids and lookups", "[peer][api]") {
  CHECK(tern::stats_id::peer_connection() == "P");
  CHECK(tern::stats_id::transport(0) == "T0");
  CHECK(tern::stats_id::data_channel(3) == "D3");
  CHECK(tern::stats_id::local_candidate(1) == "L1");
  CHECK(tern::stats_id::remote_candidate(2) == "R2");
  CHECK(tern::stats_id::candidate_pair("L1", "R2") == "CPL1_R2");
  CHECK(tern::stats_id::certificate("AB:CD") == "CFAB:CD");

  tern::StatsReport report;
  CHECK(report.selected_candidate_pair() == nullptr);
  tern::TransportStats t;
  t.id = tern::stats_id::transport(0);
  t.selected_candidate_pair_id = tern::stats_id::candidate_pair("L1", "R2");
  report.transports.push_back(t);
  CHECK(report.selected_candidate_pair() == nullptr);  // named but absent
  tern::CandidatePairStats pair;
  pair.id = t.selected_candidate_pair_id;
  pair.local_candidate_id = "L1";
  pair.remote_candidate_id = "R2";
  pair.current_round_trip_time = 0.002;
  report.candidate_pairs.push_back(pair);
  tern::IceCandidateStats local;
  local.id = "L1";
  local.candidate_type = "host";
  report.local_candidates.push_back(local);
  const auto* selected = report.selected_candidate_pair();
  REQUIRE(selected != nullptr);
  CHECK(selected->current_round_trip_time == 0.002);
  REQUIRE(report.local_candidate(selected->local_candidate_id) != nullptr);
  CHECK(report.local_candidate("L1")->candidate_type == "host");
  CHECK(report.remote_candidate("R2") == nullptr);
  CHECK(report.transport("T0") != nullptr);
  CHECK(report.certificate("CF") == nullptr);
}

// The header example of tern/peer_connection.hpp, type-checked (a template that is never
// instantiated emits no code, so the unimplemented classes need not link yet).
template <class Signaling>
[[maybe_unused]] void header_example(Signaling& signaling) {
  auto runtime = tern::Runtime::create().value();
  tern::Configuration config;
  config.ice_servers = {{{"stun:stun.l.google.com:19302"}}};
  auto pc = tern::PeerConnection::create(runtime, config).value();
  pc->on_ice_candidate([&](const tern::IceCandidate& c) { signaling.send_candidate(c.candidate, c.sdp_mid); });
  pc->on_connection_state_change([](tern::PeerConnectionState s) { (void)tern::to_string(s); });
  auto dc = pc->create_data_channel("chat").value();
  dc->on_open([dc] { (void)dc->send("hello from tern"); });
  dc->on_message([](const tern::DataChannelMessage& m) { (void)m.text(); });
  auto offer = pc->create_offer().value();
  (void)pc->set_local_description(offer);
  signaling.send_offer(offer.sdp);
  (void)pc->set_remote_description({tern::SdpType::kAnswer, signaling.receive_answer()});
  for (auto& c : signaling.receive_candidates()) (void)pc->add_ice_candidate(c);
  tern::StatsReport stats = pc->get_stats();
  (void)stats.selected_candidate_pair();
  pc->close();
}

}  // namespace
