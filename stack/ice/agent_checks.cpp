// Agent: pairs, connectivity checks (RFC 8445 §6.1.2, §7), nomination (§8.1), selection and
// consent probes (RFC 7675).
#include <algorithm>

#include "ice/agent_internal.hpp"
#include "ice/check_message.hpp"
#include "ice/priority.hpp"
#include "stun/attributes.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"

namespace tern::ice {

// ---- pairs ----

uint64_t Agent::compute_pair_priority(uint32_t local, uint32_t remote) const {
  const uint32_t l = locals_[local].candidate.priority;
  const uint32_t r = remotes_[remote].priority;
  // RFC 8445 §6.1.2.3: G is the controlling agent's candidate priority, D the controlled one's.
  return role_ == Role::kControlling ? pair_priority(l, r) : pair_priority(r, l);
}

void Agent::add_pair(uint32_t local, uint32_t remote) {
  const LocalCandidate& l = locals_[local];
  const Candidate& r = remotes_[remote];
  // RFC 8445 §6.1.2.2: same component, same transport, same address family.
  if (l.candidate.component != r.component || l.candidate.transport != r.transport ||
      l.candidate.address.family() != r.address.family()) {
    return;
  }
  // RFC 8445 §6.1.2.4: pairs with the same local base and remote address are redundant (the
  // higher priority one is kept: pairs are only formed from host and relayed locals, whose bases
  // are distinct, so this only catches a remote candidate listed twice).
  if (check_list_.find(local, remote)) return;
  bool replaced = false;
  auto index = check_list_.add(local, remote, compute_pair_priority(local, remote),
                               pair_foundation(l.candidate.foundation, r.foundation), &replaced);
  if (!index || replaced) ++counters_.pairs_over_limit;
  if (index) last_pair_change_ = now_;
}

void Agent::form_pairs_for_local(uint32_t local) {
  for (uint32_t r = 0; r < remotes_.size(); ++r) add_pair(local, r);
}

void Agent::form_pairs_for_remote(uint32_t remote) {
  for (uint32_t l = 0; l < locals_.size(); ++l) {
    const auto type = locals_[l].candidate.type;
    if (type == CandidateType::kHost || type == CandidateType::kRelayed) add_pair(l, remote);
  }
}

void Agent::recompute_priorities() {
  // RFC 8445 §7.2.5.1 / §7.3.1.1: a role change recomputes every pair priority.
  for (auto& p : check_list_.pairs()) p.priority = compute_pair_priority(p.local, p.remote);
}

std::optional<uint32_t> Agent::best_valid_pair() const {
  std::optional<uint32_t> best;
  for (uint32_t i = 0; i < check_list_.size(); ++i) {
    const auto& p = check_list_[i];
    if (!p.valid || p.state != PairState::kSucceeded) continue;
    if (!best || p.priority > check_list_[*best].priority) best = i;
  }
  return best;
}

bool Agent::selected_current() const { return selected_ && selected_->session == session_ && selected_->pair; }

// ---- sending checks ----

bool Agent::can_check() const { return !closed_ && !remote_credentials_.empty(); }

void Agent::start_check(Timestamp now) {
  bool triggered = false;
  // RFC 8445 §8.1.2: once a pair is selected, ordinary checks stop; triggered ones continue.
  auto pair = check_list_.next(triggered, !selected_current());
  if (pair) send_check(now, *pair, triggered);
}

void Agent::send_check(Timestamp now, uint32_t pair_index, bool triggered) {
  (void)triggered;
  CandidatePair& p = check_list_[pair_index];
  const LocalCandidate& l = locals_[p.local];
  const Candidate& r = remotes_[p.remote];
  CheckRequestParams params;
  params.remote_ufrag = remote_credentials_.ufrag;
  params.local_ufrag = local_credentials_.ufrag;
  // RFC 8445 §7.1.1: PRIORITY is the local candidate's priority as if it were peer-reflexive.
  params.priority = peer_reflexive_priority(l.candidate.priority);
  params.controlling = role_ == Role::kControlling;
  params.tie_breaker = tie_breaker_;
  // RFC 8445 §8.1.1: the controlling agent nominates with USE-CANDIDATE.
  params.use_candidate = role_ == Role::kControlling && p.nominating;
  const auto id = new_transaction_id();
  stun::TransactionConfig config = config_.check_transaction;
  // RFC 8445 §14.3: RTO = MAX(500 ms, N * (Ta * (Num-Waiting + Num-In-Progress))), N = 1 stream.
  const auto busy = static_cast<int64_t>(check_list_.count(PairState::kWaiting) + check_list_.count(PairState::kInProgress));
  config.rto = std::max(config.rto, config_.ta * busy);
  CheckTransaction c{stun::ClientTransaction(now, build_check_request(id, params, remote_key()), id, r.address, l.base,
                                             TransportProtocol::kUdp, config),
                     false, pair_index, p.local, session_, params.use_candidate, role_, params.priority};
  p.state = PairState::kInProgress;
  ++p.requests_sent;
  ++counters_.checks_sent;
  check_transactions_.push_back(std::move(c));
  auto& added = check_transactions_.back();
  if (auto bytes = added.tx.poll_transmit_bytes()) route_check(added, *bytes);
}

void Agent::send_consent_probe(Timestamp now) {
  consent_.probe_sent(now, rng_);
  if (!selected_ || !selected_->remote_key) return;
  CheckRequestParams params;
  params.remote_ufrag = selected_->remote_credentials.ufrag;
  params.local_ufrag = selected_->local_credentials.ufrag;
  params.priority = peer_reflexive_priority(selected_->local.candidate.priority);
  params.controlling = role_ == Role::kControlling;
  params.tie_breaker = tie_breaker_;
  const auto id = new_transaction_id();
  // RFC 7675 §5.1: a consent probe is an ordinary Binding request on the selected pair.
  CheckTransaction c{stun::ClientTransaction(now, build_check_request(id, params, *selected_->remote_key), id,
                                             selected_->remote.address, selected_->local.base, TransportProtocol::kUdp,
                                             config_.consent_transaction),
                     true, 0, 0, selected_->session, false, role_, params.priority};
  ++counters_.consent_probes_sent;
  check_transactions_.push_back(std::move(c));
  auto& added = check_transactions_.back();
  if (auto bytes = added.tx.poll_transmit_bytes()) route_check(added, *bytes);
}

void Agent::route_check(CheckTransaction& check, std::span<const uint8_t> bytes) {
  if (check.consent) {
    if (selected_) send_via(now_, selected_->local, check.tx.destination(), bytes);
    return;
  }
  if (check.local < locals_.size()) send_via(now_, locals_[check.local], check.tx.destination(), bytes);
}

void Agent::process_check_events(Timestamp now) {
  for (size_t i = 0; i < check_transactions_.size();) {
    auto& c = check_transactions_[i];
    while (auto bytes = c.tx.poll_transmit_bytes()) route_check(c, *bytes);
    if (auto e = c.tx.poll_event(); e && e->kind == stun::TransactionEvent::Kind::kTimeout) {
      // RFC 8445 §7.2.5.2: no response after the retransmissions: the pair fails. A consent
      // probe timing out just means no renewal (RFC 7675 §5.1).
      if (!c.consent && c.session == session_) fail_pair(now, c.pair);
      if (c.consent && selected_ && c.session == selected_->session) consent_.probe_unanswered(now, rng_);
    }
    if (!c.tx.running()) {
      check_transactions_.erase(check_transactions_.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    ++i;
  }
}

void Agent::fail_pair(Timestamp now, uint32_t pair_index) {
  if (pair_index >= check_list_.size()) return;
  auto& p = check_list_[pair_index];
  p.state = PairState::kFailed;
  p.valid = false;
  p.nominating = false;
  if (nominating_ == pair_index) nominating_.reset();
  last_pair_change_ = now;
}

// ---- receiving STUN ----

bool Agent::handle_stun(Timestamp now, size_t local, const SocketAddress& source, std::span<const uint8_t> bytes) {
  stun::Message message;
  if (!stun::parse(bytes, message)) {
    ++counters_.stun_malformed;
    return false;
  }
  // RFC 8445 §7.2.2 / RFC 8489 §7: FINGERPRINT, when present, must match (it tells STUN apart).
  if (message.has(stun::AttributeType::kFingerprint) && !stun::verify_fingerprint(message)) {
    ++counters_.stun_malformed;
    return false;
  }
  switch (message.message_class()) {
    case stun::MessageClass::kRequest:
      if (message.method() != stun::Method::kBinding) {
        ++counters_.ignored_stun;
        return true;
      }
      handle_request(now, local, source, message);
      return true;
    case stun::MessageClass::kIndication:
      // RFC 8445 §11: Binding indications are keepalives: nothing to do.
      ++counters_.ignored_stun;
      return true;
    case stun::MessageClass::kSuccessResponse:
    case stun::MessageClass::kErrorResponse:
      break;
  }
  for (size_t i = 0; i < gather_transactions_.size(); ++i) {
    const auto& g = gather_transactions_[i];
    // Only the server asked, answering to the base that asked.
    if (g.tx.matches(message) && source == g.server && g.local == local) {
      handle_gather_response(now, i, message);
      return true;
    }
  }
  for (size_t i = 0; i < check_transactions_.size(); ++i) {
    if (check_transactions_[i].tx.running() && check_transactions_[i].tx.matches(message)) {
      handle_check_response(now, i, local, source, message);
      return true;
    }
  }
  // A response to a transaction we gave up on (or never sent).
  ++counters_.stale_responses;
  return true;
}

void Agent::handle_request(Timestamp now, size_t local, const SocketAddress& source, const stun::Message& request) {
  namespace codes = stun::error_codes;
  ++counters_.requests_received;
  // Which credentials: the current ones, or those of the pair still carrying data across a
  // restart (the peer's consent probes keep using them until a new pair is selected).
  crypto::Hmac* key = &local_key();
  std::string_view ufrag = local_credentials_.ufrag;
  bool previous_session = false;
  if (selected_ && selected_->session != session_ && selected_->local_key) {
    auto halves = split_check_username(request);
    if (halves && halves->first != ufrag && halves->first == selected_->local_credentials.ufrag) {
      key = selected_->local_key.get();
      ufrag = selected_->local_credentials.ufrag;
      previous_session = true;
    }
  }
  CheckValidation v = validate_check_request(request, ufrag, *key);
  if (v.error != 0) {
    if (v.error == codes::kBadRequest) ++counters_.bad_requests;
    if (v.error == codes::kUnauthenticated) ++counters_.unauthorized_requests;
    if (v.error == codes::kUnknownAttribute) ++counters_.unknown_attribute_requests;
    auto response = build_check_error(request, v.error, v.authenticated ? key : nullptr,
                                      v.error == codes::kUnknownAttribute ? &v.unknown : nullptr);
    send_from(now, local, source, response);
    return;
  }
  if (!previous_session) {
    // RFC 8445 §7.3.1.1: role conflicts.
    if (role_ == Role::kControlling && v.info.controlling) {
      if (tie_breaker_ >= *v.info.controlling) {
        ++counters_.role_conflicts;
        send_from(now, local, source, build_check_error(request, codes::kRoleConflict, key));
        return;
      }
      switch_role(Role::kControlled);
    } else if (role_ == Role::kControlled && v.info.controlled) {
      if (tie_breaker_ >= *v.info.controlled) {
        switch_role(Role::kControlling);
      } else {
        ++counters_.role_conflicts;
        send_from(now, local, source, build_check_error(request, codes::kRoleConflict, key));
        return;
      }
    }
  }
  // RFC 8445 §7.3.1.2: the success response, XOR-MAPPED-ADDRESS = the request's source.
  send_from(now, local, source, build_check_success(request, source, *key));
  if (previous_session) return;

  // RFC 8445 §7.3.1.3: an unknown source is a peer-reflexive remote candidate, with the
  // request's PRIORITY and a foundation of its own.
  auto remote = find_remote(source);
  if (!remote) {
    if (remotes_.size() + pending_hostnames_.size() >= config_.max_remote_candidates) {
      ++counters_.remote_candidates_over_limit;
      return;
    }
    Candidate c;
    c.type = CandidateType::kPeerReflexive;
    c.address = source;
    c.priority = v.info.priority;
    c.component = 1;
    c.foundation = "prflx" + std::to_string(++prflx_foundation_counter_);
    c.ufrag = std::string(v.info.remote_ufrag);
    remotes_.push_back(std::move(c));
    remote = static_cast<uint32_t>(remotes_.size() - 1);
    // RFC 8445 §7.3.1.4: paired only with the local candidate the request arrived on.
    add_pair(static_cast<uint32_t>(local), *remote);
  }
  auto pair_index = check_list_.find(static_cast<uint32_t>(local), *remote);
  if (!pair_index) {
    add_pair(static_cast<uint32_t>(local), *remote);
    pair_index = check_list_.find(static_cast<uint32_t>(local), *remote);
    if (!pair_index) return;  // over the pair limit
  }
  CandidatePair& p = check_list_[*pair_index];
  ++p.requests_received;
  // RFC 8445 §7.3.1.4: the triggered check.
  switch (p.state) {
    case PairState::kSucceeded:
      break;  // nothing to do
    case PairState::kInProgress:
      // The RFC cancels and re-queues; letting the running transaction's retransmissions carry
      // on reaches the same outcome without a second transaction on the same pair.
      break;
    case PairState::kFrozen:
    case PairState::kWaiting:
    case PairState::kFailed:
      check_list_.enqueue_triggered(*pair_index);
      last_pair_change_ = now;
      break;
  }
  // RFC 8445 §7.3.1.5: the controlled agent learns nominations from USE-CANDIDATE.
  if (v.info.use_candidate && role_ == Role::kControlled) {
    if (p.state == PairState::kSucceeded && p.valid) {
      p.nominated = true;
      update_selection(now);
    } else {
      p.nominate_on_success = true;
    }
  }
}

void Agent::handle_check_response(Timestamp now, size_t index, size_t local, const SocketAddress& source,
                                  const stun::Message& response) {
  namespace codes = stun::error_codes;
  CheckTransaction& c = check_transactions_[index];
  // RFC 8445 §7.2.5.1 (RFC 8489 §9.1.4): a response whose MESSAGE-INTEGRITY does not verify with
  // the peer's password is discarded; the transaction keeps waiting.
  crypto::Hmac* key = nullptr;
  if (c.consent) {
    if (selected_ && selected_->remote_key) key = selected_->remote_key.get();
  } else if (c.session == session_ && !remote_credentials_.empty()) {
    key = &remote_key();
  }
  if (!key || !stun::verify_message_integrity(response, *key)) {
    ++counters_.response_integrity_failures;
    return;
  }
  c.tx.handle_response(now, response);
  auto event = c.tx.poll_event();
  const CheckTransaction done = std::move(c);
  check_transactions_.erase(check_transactions_.begin() + static_cast<std::ptrdiff_t>(index));
  const bool success = response.message_class() == stun::MessageClass::kSuccessResponse;

  if (done.consent) {
    // RFC 7675 §5.1: an authenticated success response from the peer renews consent.
    if (success && selected_ && source == selected_->remote.address) consent_.handle_response(now);
    return;
  }
  if (done.session != session_ || done.pair >= check_list_.size()) return;
  CandidatePair& p = check_list_[done.pair];
  ++p.responses_received;

  if (!success) {
    auto error = stun::get<stun::ErrorCode>(response);
    if (error && error->code == codes::kRoleConflict) {
      // RFC 8445 §7.2.5.1: 487: switch to the other role (unless already done since), recompute
      // priorities and check the pair again.
      ++counters_.role_conflicts;
      if (done.role == role_) {
        switch_role(role_ == Role::kControlling ? Role::kControlled : Role::kControlling);
      }
      check_list_.enqueue_triggered(done.pair);
      return;
    }
    // RFC 8445 §7.2.5.2.4 (unrecoverable error responses): the pair fails.
    fail_pair(now, done.pair);
    return;
  }
  // RFC 8445 §7.2.5.2.1: the response must come from where the request went, to where it came
  // from; otherwise the check fails.
  if (source != remotes_[p.remote].address || local != p.local) {
    fail_pair(now, done.pair);
    return;
  }
  auto mapped = stun::get<stun::XorMappedAddress>(response);
  if (!mapped) {
    fail_pair(now, done.pair);
    return;
  }
  // RFC 8445 §7.2.5.3.1: the mapped address names a local candidate, or is a new peer-reflexive
  // one (priority = the PRIORITY the check carried, base = the local candidate's base). It is
  // never signalled to the peer.
  auto mapped_local = find_local_by_address(mapped->address);
  if (!mapped_local) {
    const LocalCandidate& base = locals_[p.local];
    LocalCandidate prflx;
    prflx.base = base.base;
    prflx.relay = base.relay;
    prflx.interface_index = base.interface_index;
    prflx.candidate.type = CandidateType::kPeerReflexive;
    prflx.candidate.address = mapped->address;
    prflx.candidate.priority = done.priority;
    prflx.candidate.foundation =
        foundations_.foundation(CandidateType::kPeerReflexive, base.base.ip(), std::nullopt, TransportProtocol::kUdp);
    prflx.candidate.related = base.base;
    const size_t before = locals_.size();
    add_local_candidate(now, std::move(prflx), false);
    if (locals_.size() > before) mapped_local = locals_.size() - 1;
  }
  // RFC 8445 §7.2.5.3.2: the pair is valid (the valid pair's local side is the mapped candidate).
  CandidatePair& ok = check_list_[done.pair];
  ok.state = PairState::kSucceeded;
  ok.valid = true;
  if (mapped_local) ok.mapped_local = static_cast<uint32_t>(*mapped_local);
  if (event && event->rtt) ok.rtt = event->rtt;
  // RFC 8445 §7.2.5.3.3: unfreeze the pairs of the same foundation.
  check_list_.unfreeze_foundation(ok.foundation);
  if (!first_valid_at_) first_valid_at_ = now;
  last_pair_change_ = now;
  // RFC 8445 §7.2.5.3.4: the nominated flag.
  if (done.use_candidate && role_ == Role::kControlling) {
    ok.nominated = true;
    ok.nominating = false;
    if (nominating_ == done.pair) nominating_.reset();
  }
  if (role_ == Role::kControlled && ok.nominate_on_success) ok.nominated = true;
  // A successful check on the selected pair renews consent as well.
  if (selected_current() && selected_->pair == done.pair) consent_.handle_response(now);
  update_selection(now);
  maybe_nominate(now);
}

// ---- roles, nomination, selection ----

void Agent::switch_role(Role role) {
  if (role_ == role) return;
  if (remote_lite_ && role == Role::kControlled) return;  // RFC 8445 §6.1.1
  role_ = role;
  ++counters_.role_conflicts;
  recompute_priorities();
  if (role_ == Role::kControlled) {
    for (auto& p : check_list_.pairs()) p.nominating = false;
    nominating_.reset();
  }
  emit(RoleEvent{role_});
}

void Agent::nominate_pair(Timestamp now, uint32_t pair_index) {
  (void)now;
  auto& p = check_list_[pair_index];
  p.nominating = true;
  nominating_ = pair_index;
  // RFC 8445 §8.1.1: a new check, with USE-CANDIDATE, on the valid pair.
  check_list_.enqueue_triggered(pair_index);
}

void Agent::maybe_nominate(Timestamp now) {
  if (role_ != Role::kControlling || selected_current() || nominating_ || closed_) return;
  auto best = best_valid_pair();
  if (!best) return;
  // RFC 8445 §8.1.1: nominate once the checks that might find something better are done, or the
  // agent has waited long enough for them.
  bool better_pending = false;
  for (const auto& p : check_list_.pairs()) {
    if (p.priority > check_list_[*best].priority &&
        (p.state == PairState::kFrozen || p.state == PairState::kWaiting || p.state == PairState::kInProgress)) {
      better_pending = true;
      break;
    }
  }
  if (better_pending && now < *first_valid_at_ + config_.nomination_delay) return;
  nominate_pair(now, *best);
}

void Agent::update_selection(Timestamp now) {
  // The highest-priority nominated valid pair carries the data (RFC 8445 §8.1.1; with aggressive
  // nomination from a controlling browser several pairs may be nominated: the best one wins).
  std::optional<uint32_t> best;
  for (uint32_t i = 0; i < check_list_.size(); ++i) {
    const auto& p = check_list_[i];
    if (!p.nominated || !p.valid) continue;
    if (!best || p.priority > check_list_[*best].priority) best = i;
  }
  if (!best) return;
  if (selected_current() && selected_->pair == *best) return;
  select_pair(now, *best);
}

void Agent::select_pair(Timestamp now, uint32_t pair_index) {
  const auto& p = check_list_[pair_index];
  auto s = std::make_unique<Selected>();
  s->local = locals_[p.local];
  s->remote = remotes_[p.remote];
  s->pair = pair_index;
  s->session = session_;
  s->local_credentials = local_credentials_;
  s->remote_credentials = remote_credentials_;
  auto key_of = [](const std::string& pwd) {
    return std::make_unique<crypto::Hmac>(
        crypto::HashAlgorithm::kSha1, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(pwd.data()), pwd.size()));
  };
  s->local_key = key_of(local_credentials_.pwd);
  s->remote_key = key_of(remote_credentials_.pwd);
  // Consent probes of a previous selection are moot now.
  check_transactions_.erase(std::remove_if(check_transactions_.begin(), check_transactions_.end(),
                                           [](const CheckTransaction& c) { return c.consent; }),
                            check_transactions_.end());
  selected_ = std::move(s);
  consent_lost_ = false;
  // RFC 7675 §5.1: the successful check that validated the pair grants consent.
  consent_.start(now, rng_);
  emit(SelectedPairEvent{selected_->local.candidate, selected_->remote});
}

}  // namespace tern::ice
