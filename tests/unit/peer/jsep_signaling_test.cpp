// The W3C signaling state machine (webrtc-pc §4.3.1, §4.4.1.5; RFC 8829 §3.2): every
// (state, side, type) pair, rollback, and the pending/current descriptions.
#include <catch2/catch.hpp>

#include "peer/jsep/signaling.hpp"

namespace tern::peer {
namespace {

using S = SignalingState;
using T = SdpType;

// A description we can recognise later by its o= version.
Description desc(T type, uint64_t tag) {
  Description d;
  d.type = type;
  d.sdp.origin.session_version = tag;
  return d;
}

uint64_t tag_of(const Description* d) { return d == nullptr ? 0 : d->sdp.origin.session_version; }

// A machine brought into `state` along the usual path.
SignalingStateMachine machine_in(S state) {
  SignalingStateMachine m;
  auto step = [&](bool local, T type, uint64_t tag) {
    auto r = local ? m.set_local_description(desc(type, tag)) : m.set_remote_description(desc(type, tag));
    REQUIRE(r.ok());
  };
  switch (state) {
    case S::kStable: break;
    case S::kHaveLocalOffer: step(true, T::kOffer, 1); break;
    case S::kHaveRemoteOffer: step(false, T::kOffer, 1); break;
    case S::kHaveLocalPranswer: step(false, T::kOffer, 1); step(true, T::kPranswer, 2); break;
    case S::kHaveRemotePranswer: step(true, T::kOffer, 1); step(false, T::kPranswer, 2); break;
    case S::kClosed: m.close(); break;
  }
  REQUIRE(m.state() == state);
  return m;
}

struct Row {
  S from;
  bool local;
  T type;
  std::optional<S> to;  // nullopt: refused
};

TEST_CASE("signaling: every transition of every state", "[peer][jsep][signaling]") {
  const S all_states[] = {S::kStable, S::kHaveLocalOffer, S::kHaveRemoteOffer, S::kHaveLocalPranswer,
                          S::kHaveRemotePranswer, S::kClosed};
  const T all_types[] = {T::kOffer, T::kPranswer, T::kAnswer, T::kRollback};
  // The allowed transitions; every other (state, side, type) is refused.
  const Row allowed[] = {
      {S::kStable, true, T::kOffer, S::kHaveLocalOffer},
      {S::kHaveLocalOffer, true, T::kOffer, S::kHaveLocalOffer},
      {S::kHaveRemoteOffer, true, T::kPranswer, S::kHaveLocalPranswer},
      {S::kHaveLocalPranswer, true, T::kPranswer, S::kHaveLocalPranswer},
      {S::kHaveRemoteOffer, true, T::kAnswer, S::kStable},
      {S::kHaveLocalPranswer, true, T::kAnswer, S::kStable},
      {S::kHaveLocalOffer, true, T::kRollback, S::kStable},
      {S::kHaveRemoteOffer, true, T::kRollback, S::kStable},
      {S::kStable, false, T::kOffer, S::kHaveRemoteOffer},
      {S::kHaveRemoteOffer, false, T::kOffer, S::kHaveRemoteOffer},
      {S::kHaveLocalOffer, false, T::kOffer, S::kHaveRemoteOffer},  // implicit rollback
      {S::kHaveLocalOffer, false, T::kPranswer, S::kHaveRemotePranswer},
      {S::kHaveRemotePranswer, false, T::kPranswer, S::kHaveRemotePranswer},
      {S::kHaveLocalOffer, false, T::kAnswer, S::kStable},
      {S::kHaveRemotePranswer, false, T::kAnswer, S::kStable},
      {S::kHaveLocalOffer, false, T::kRollback, S::kStable},
      {S::kHaveRemoteOffer, false, T::kRollback, S::kStable},
  };
  int checked = 0;
  for (S from : all_states) {
    for (bool local : {true, false}) {
      for (T type : all_types) {
        std::optional<S> expected;
        for (const auto& row : allowed) {
          if (row.from == from && row.local == local && row.type == type) expected = row.to;
        }
        INFO(to_string(from) << (local ? " setLocal(" : " setRemote(") << to_string(type) << ")");
        SignalingStateMachine m = machine_in(from);
        const uint64_t local_before = tag_of(m.local()), remote_before = tag_of(m.remote());
        const Status precheck = local ? m.check_local(type) : m.check_remote(type);
        auto r = local ? m.set_local_description(desc(type, 9)) : m.set_remote_description(desc(type, 9));
        CHECK(precheck.ok() == r.ok());
        if (expected) {
          REQUIRE(r.ok());
          CHECK(r->from == from);
          CHECK(r->to == *expected);
          CHECK(m.state() == *expected);
          CHECK(r->implicit_rollback == (from == S::kHaveLocalOffer && !local && type == T::kOffer));
        } else {
          REQUIRE_FALSE(r.ok());
          CHECK(r.error().is(from == S::kClosed ? JsepErrc::kClosed : JsepErrc::kInvalidState));
          // Misuse changes nothing.
          CHECK(m.state() == from);
          CHECK(tag_of(m.local()) == local_before);
          CHECK(tag_of(m.remote()) == remote_before);
        }
        ++checked;
      }
    }
  }
  CHECK(checked == 48);
}

TEST_CASE("signaling: error details name the call and the states it needs", "[peer][jsep][signaling]") {
  SignalingStateMachine m;
  auto r = m.set_remote_description(desc(T::kAnswer, 1));
  REQUIRE_FALSE(r.ok());
  CHECK(std::string(r.error().detail()) == "set_remote_description(answer) needs have-local-offer or have-remote-pranswer");
  auto r2 = m.set_local_description(desc(T::kRollback, 1));
  REQUIRE_FALSE(r2.ok());
  CHECK(std::string(r2.error().detail()) == "set_local_description(rollback) needs have-local-offer or have-remote-offer");
}

TEST_CASE("signaling: descriptions through offer, answer, pranswer and rollback", "[peer][jsep][signaling]") {
  SignalingStateMachine m;
  // We offer (1), they answer (2): both current, nothing pending.
  REQUIRE(m.set_local_description(desc(T::kOffer, 1)).ok());
  CHECK(tag_of(m.pending_local()) == 1);
  CHECK(tag_of(m.local()) == 1);
  CHECK(m.current_local() == nullptr);
  REQUIRE(m.set_remote_description(desc(T::kAnswer, 2)).ok());
  CHECK(tag_of(m.current_local()) == 1);
  CHECK(tag_of(m.current_remote()) == 2);
  CHECK(m.pending_local() == nullptr);
  CHECK(m.pending_remote() == nullptr);

  // They re-offer (3); we roll it back: the current descriptions stay.
  REQUIRE(m.set_remote_description(desc(T::kOffer, 3)).ok());
  CHECK(tag_of(m.pending_remote()) == 3);
  CHECK(tag_of(m.remote()) == 3);
  auto rb = m.set_local_description(desc(T::kRollback, 0));
  REQUIRE(rb.ok());
  CHECK(rb->to == S::kStable);
  CHECK(m.pending_remote() == nullptr);
  CHECK(tag_of(m.remote()) == 2);
  CHECK(tag_of(m.local()) == 1);

  // We re-offer (4), they offer at the same time (5): implicit rollback of ours.
  REQUIRE(m.set_local_description(desc(T::kOffer, 4)).ok());
  auto glare = m.set_remote_description(desc(T::kOffer, 5));
  REQUIRE(glare.ok());
  CHECK(glare->implicit_rollback);
  CHECK(m.pending_local() == nullptr);
  CHECK(tag_of(m.pending_remote()) == 5);
  CHECK(tag_of(m.current_local()) == 1);

  // We pranswer (6) then answer (7): answer and their offer become current.
  REQUIRE(m.set_local_description(desc(T::kPranswer, 6)).ok());
  CHECK(tag_of(m.pending_local()) == 6);
  CHECK(m.state() == S::kHaveLocalPranswer);
  REQUIRE(m.set_local_description(desc(T::kAnswer, 7)).ok());
  CHECK(tag_of(m.current_local()) == 7);
  CHECK(tag_of(m.current_remote()) == 5);
  CHECK(m.pending_local() == nullptr);
  CHECK(m.pending_remote() == nullptr);

  // We offer (8), they pranswer (9) then answer (10).
  REQUIRE(m.set_local_description(desc(T::kOffer, 8)).ok());
  REQUIRE(m.set_remote_description(desc(T::kPranswer, 9)).ok());
  CHECK(tag_of(m.pending_remote()) == 9);
  CHECK(tag_of(m.remote()) == 9);
  REQUIRE(m.set_remote_description(desc(T::kAnswer, 10)).ok());
  CHECK(tag_of(m.current_local()) == 8);
  CHECK(tag_of(m.current_remote()) == 10);
  CHECK(m.state() == S::kStable);

  // close(): final, descriptions still readable.
  m.close();
  CHECK(m.state() == S::kClosed);
  CHECK(tag_of(m.local()) == 8);
  m.close();
  CHECK(m.state() == S::kClosed);
}

}  // namespace
}  // namespace tern::peer
