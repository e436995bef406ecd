// Agent: construction, the public API, input demultiplexing, timers and the connection state.
// Gathering is in agent_gathering.cpp, checks/nomination/consent in agent_checks.cpp.
#include <algorithm>

#include "ice/agent_internal.hpp"
#include "ice/priority.hpp"
#include "stun/message.hpp"

namespace tern::ice {

Agent::Agent(const AgentConfig& config, Rng& rng)
    : config_(config), rng_(rng), role_(config.role), check_list_(config.max_pairs), consent_(config.consent) {
  // RFC 8445 §7.1.3: the tie-breaker is a 64-bit random number kept for the session.
  tie_breaker_ = rng_.next_u64();
  local_credentials_ = config_.credentials ? *config_.credentials : generate_credentials(rng_);
}

Agent::~Agent() = default;

// ---- roles and credentials ----

void Agent::set_role(Role role) {
  if (role_ == role) return;
  // RFC 8445 §6.1.1: with an ICE-lite peer the full agent stays controlling.
  if (remote_lite_ && role == Role::kControlled) return;
  role_ = role;
  recompute_priorities();
}

Status Agent::set_remote_credentials(std::string_view ufrag, std::string_view pwd) {
  if (auto s = validate_credentials(ufrag, pwd); !s) return s;
  if (remote_credentials_.ufrag == ufrag && remote_credentials_.pwd == pwd) return {};
  if (!remote_credentials_.empty()) {
    // RFC 8445 §9: new remote credentials mean the peer restarted ICE: its old candidates and
    // the pairs built from them belong to the previous session.
    reset_remote_state();
  }
  remote_credentials_ = {std::string(ufrag), std::string(pwd)};
  remote_key_.reset();
  // Candidates that trickled in before the credentials and name another ufrag are stale. No
  // check has run on them (checks need the credentials), so the pairs are simply rebuilt.
  const size_t before = remotes_.size();
  remotes_.erase(std::remove_if(remotes_.begin(), remotes_.end(),
                                [this](const Candidate& c) { return !c.ufrag.empty() && c.ufrag != remote_credentials_.ufrag; }),
                 remotes_.end());
  if (remotes_.size() != before) {
    counters_.remote_candidates_stale += before - remotes_.size();
    check_list_.clear();
    for (uint32_t r = 0; r < remotes_.size(); ++r) form_pairs_for_remote(r);
  }
  return {};
}

void Agent::set_remote_lite(bool lite) {
  remote_lite_ = lite;
  // RFC 8445 §6.1.1: "the full agent MUST take the controlling role" with a lite peer.
  if (lite && role_ != Role::kControlling) {
    role_ = Role::kControlling;
    recompute_priorities();
  }
}

crypto::Hmac& Agent::local_key() {
  if (!local_key_) {
    local_key_ = std::make_unique<crypto::Hmac>(
        crypto::HashAlgorithm::kSha1,
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(local_credentials_.pwd.data()), local_credentials_.pwd.size()));
  }
  return *local_key_;
}

crypto::Hmac& Agent::remote_key() {
  if (!remote_key_) {
    remote_key_ = std::make_unique<crypto::Hmac>(
        crypto::HashAlgorithm::kSha1,
        std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(remote_credentials_.pwd.data()), remote_credentials_.pwd.size()));
  }
  return *remote_key_;
}

stun::TransactionId Agent::new_transaction_id() {
  // RFC 8489 §6: transaction IDs are uniformly random.
  stun::TransactionId id{};
  rng_.fill(id);
  return id;
}

// ---- remote candidates ----

Status Agent::add_remote_candidate(Timestamp now, std::string_view text) {
  auto c = parse_candidate(text);
  if (!c) return c.error();
  return add_remote_candidate(now, *c);
}

Status Agent::add_remote_candidate(Timestamp now, const Candidate& candidate) {
  now_ = now;
  if (closed_) return Error(IceErrc::kClosed, "agent is closed");
  // WebRTC uses one component (RFC 8843 BUNDLE + RFC 5761 rtcp-mux).
  if (candidate.component != 1) {
    ++counters_.remote_candidates_unsupported;
    return Error(IceErrc::kUnsupportedComponent, "only component 1 is used");
  }
  // RFC 6544 TCP candidates are not gathered or checked by this agent.
  if (candidate.transport != TransportProtocol::kUdp) {
    ++counters_.remote_candidates_unsupported;
    return Error(IceErrc::kUnsupportedTransport, "only UDP candidates are checked");
  }
  // RFC 8838 §4 / RFC 8840: a candidate names the ufrag of the session it belongs to.
  if (!candidate.ufrag.empty() && !remote_credentials_.empty() && candidate.ufrag != remote_credentials_.ufrag) {
    ++counters_.remote_candidates_stale;
    return Error(IceErrc::kStaleCandidate, "candidate ufrag is not the current remote ufrag");
  }
  if (remotes_.size() + pending_hostnames_.size() >= config_.max_remote_candidates) {
    ++counters_.remote_candidates_over_limit;
    return Error(IceErrc::kTooManyCandidates, "remote candidate limit reached");
  }
  Candidate c = candidate;
  if (c.needs_resolution()) {
    std::optional<IpAddress> ip;
    if (config_.hostname_resolver) ip = config_.hostname_resolver(c.hostname);
    if (!ip) {
      if (!config_.hostname_resolver && !c.is_mdns()) {
        // No way to resolve an FQDN here: ignored, counted, never fatal.
        ++counters_.remote_hostnames_unresolved;
        return {};
      }
      // Kept for resolve_mdns(); meanwhile the peer's checks still reach us and teach us its
      // address as a peer-reflexive candidate (RFC 8445 §7.3.1.3).
      ++counters_.remote_hostnames_pending;
      pending_hostnames_.push_back(std::move(c));
      update_state(now);
      return {};
    }
    c.address = SocketAddress(*ip, c.address.port());
  }
  if (auto existing = find_remote(c.address)) {
    Candidate& e = remotes_[*existing];
    if (e.type == CandidateType::kPeerReflexive) {
      // The signalled candidate replaces the peer-reflexive one learned from a check.
      const uint32_t index = *existing;
      e = c;
      recompute_priorities();
      form_pairs_for_remote(index);
      update_state(now);
      return {};
    }
    ++counters_.remote_candidates_duplicate;
    return {};
  }
  remotes_.push_back(std::move(c));
  form_pairs_for_remote(static_cast<uint32_t>(remotes_.size() - 1));
  last_pair_change_ = now;
  update_state(now);
  return {};
}

void Agent::end_of_remote_candidates(Timestamp now) {
  now_ = now;
  remote_end_of_candidates_ = true;
  update_state(now);
}

Status Agent::resolve_mdns(Timestamp now, std::string_view hostname, const IpAddress& ip) {
  now_ = now;
  bool found = false;
  for (size_t i = 0; i < pending_hostnames_.size();) {
    if (pending_hostnames_[i].hostname != hostname) {
      ++i;
      continue;
    }
    found = true;
    Candidate c = std::move(pending_hostnames_[i]);
    pending_hostnames_.erase(pending_hostnames_.begin() + static_cast<std::ptrdiff_t>(i));
    c.address = SocketAddress(ip, c.address.port());
    if (!c.ufrag.empty() && !remote_credentials_.empty() && c.ufrag != remote_credentials_.ufrag) {
      ++counters_.remote_candidates_stale;
      continue;
    }
    if (auto existing = find_remote(c.address)) {
      if (remotes_[*existing].type == CandidateType::kPeerReflexive) {
        remotes_[*existing] = std::move(c);
        recompute_priorities();
        form_pairs_for_remote(*existing);
      }
      continue;
    }
    remotes_.push_back(std::move(c));
    form_pairs_for_remote(static_cast<uint32_t>(remotes_.size() - 1));
  }
  if (!found) return Error(IceErrc::kUnknownHostname, "no pending candidate has this host name");
  last_pair_change_ = now;
  update_state(now);
  return {};
}

std::optional<uint32_t> Agent::find_remote(const SocketAddress& address) const {
  for (uint32_t i = 0; i < remotes_.size(); ++i) {
    if (remotes_[i].address == address) return i;
  }
  return std::nullopt;
}

bool Agent::known_remote_address(const SocketAddress& address, size_t) const {
  if (selected_ && selected_->remote.address == address) return true;
  return find_remote(address).has_value();
}

// ---- restart and close ----

void Agent::reset_remote_state() {
  remotes_.clear();
  pending_hostnames_.clear();
  remote_end_of_candidates_ = false;
  check_list_.clear();
  // Checks of the old session are abandoned; consent probes on the kept route continue.
  check_transactions_.erase(std::remove_if(check_transactions_.begin(), check_transactions_.end(),
                                           [](const CheckTransaction& c) { return !c.consent; }),
                            check_transactions_.end());
  nominating_.reset();
  first_valid_at_.reset();
  if (selected_) selected_->pair.reset();
  ++session_;
}

void Agent::restart(Timestamp now) {
  now_ = now;
  if (closed_) return;
  // RFC 8445 §9: new ufrag and password; everything else is gathered and checked again.
  ++generation_;
  local_credentials_ = generate_credentials(rng_);
  local_key_.reset();
  remote_credentials_ = {};
  remote_key_.reset();
  reset_remote_state();
  consent_lost_ = false;
  pending_server_requests_.clear();
  gather_transactions_.clear();
  std::vector<LocalCandidate> keep;
  for (auto& l : locals_) {
    if (l.candidate.type == CandidateType::kHost || l.candidate.type == CandidateType::kRelayed) keep.push_back(std::move(l));
  }
  locals_.clear();
  if (gathering_started_) {
    gathering_state_ = GatheringState::kGathering;
    emit(GatheringStateEvent{gathering_state_});
    for (auto& l : keep) {
      const bool host = l.candidate.type == CandidateType::kHost;
      const std::optional<size_t> relay = l.relay;
      add_local_candidate(now, std::move(l), true);
      const size_t index = locals_.size() - 1;
      if (relay) relays_[*relay].local = index;
      if (host) queue_server_requests(index);
    }
  }
  update_gathering_state();
  update_state(now);
}

void Agent::close(Timestamp now) {
  now_ = now;
  if (closed_) return;
  closed_ = true;
  for (auto& r : relays_) r.allocator->close(now);
  check_transactions_.clear();
  gather_transactions_.clear();
  pending_server_requests_.clear();
  consent_.stop();
  update_state(now);
}

// ---- sans-IO ----

std::optional<size_t> Agent::find_base(const SocketAddress& base) const {
  for (size_t i = 0; i < locals_.size(); ++i) {
    const auto& l = locals_[i];
    if (l.candidate.type == CandidateType::kHost && !l.relay && l.base == base) return i;
  }
  return std::nullopt;
}

Received Agent::handle_input(Timestamp now, const Datagram& datagram) {
  now_ = now;
  Received r;
  if (closed_) return r;
  // TURN traffic: the allocator unwraps it (RFC 8656 §11.6 Data indications, §12.6 ChannelData).
  for (size_t i = 0; i < relays_.size(); ++i) {
    auto& slot = relays_[i];
    if (!slot.started || slot.allocator->server() != datagram.source || slot.allocator->base() != datagram.destination) continue;
    slot.allocator->handle_input(now, datagram);
    r.kind = Received::Kind::kConsumed;
    handle_relay_events(now, i, &r);
    update_gathering_state();
    update_state(now);
    return r;
  }
  auto local = find_base(datagram.destination);
  if (!local) {
    ++counters_.unknown_local_address;
    return r;
  }
  r = handle_payload(now, *local, datagram.source, datagram.payload);
  if (r.kind != Received::Kind::kData) {
    update_gathering_state();
    update_state(now);
  }
  return r;
}

Received Agent::handle_payload(Timestamp now, size_t local, const SocketAddress& source,
                               std::span<const uint8_t> payload) {
  Received r;
  // RFC 7983 / RFC 8489 §5: STUN starts with two zero bits and carries the magic cookie.
  if (stun::looks_like_stun(payload)) {
    if (handle_stun(now, local, source, payload)) r.kind = Received::Kind::kConsumed;
    return r;
  }
  // RFC 8445 §12: data is accepted from the peer's candidates (and the selected pair).
  if (!known_remote_address(source, local)) {
    ++counters_.data_unknown_source;
    return r;
  }
  r.kind = Received::Kind::kData;
  r.data = payload;
  r.from = source;
  return r;
}

std::optional<Transmit> Agent::poll_transmit() {
  if (!transmits_.empty()) {
    Transmit t = std::move(transmits_.front());
    transmits_.pop_front();
    return t;
  }
  for (auto& slot : relays_) {
    if (!slot.started) continue;
    if (auto t = slot.allocator->poll_transmit()) return t;
  }
  return std::nullopt;
}

std::optional<Event> Agent::poll_event() {
  if (events_.empty()) return std::nullopt;
  Event e = std::move(events_.front());
  events_.pop_front();
  return e;
}

void Agent::emit(Event event) { events_.push_back(std::move(event)); }

std::optional<Timestamp> Agent::poll_timeout() {
  std::optional<Timestamp> next;
  auto consider = [&next](std::optional<Timestamp> t) {
    if (t && (!next || *t < *next)) next = t;
  };
  for (auto& slot : relays_) {
    if (slot.started) consider(slot.allocator->poll_timeout());
  }
  if (closed_) return next;
  for (const auto& g : gather_transactions_) consider(g.tx.poll_timeout());
  for (const auto& c : check_transactions_) consider(c.tx.poll_timeout());
  // RFC 8445 §6.1.4.2: the next paced transaction, when there is one to start.
  if (!pending_server_requests_.empty() || (can_check() && check_list_.has_work(!selected_current()))) {
    consider(next_pacing_);
  }
  // RFC 8445 §8.1.1: the nomination deadline of the controlling agent.
  if (role_ == Role::kControlling && !selected_current() && !nominating_ && first_valid_at_ && best_valid_pair()) {
    consider(*first_valid_at_ + config_.nomination_delay);
  }
  if (selected_) consider(consent_.next_deadline(now_));
  // Failure without end-of-candidates waits for more candidates first.
  if (connection_state_ != ConnectionState::kFailed && !remote_end_of_candidates_ && nothing_left_to_check()) {
    consider(last_pair_change_ + config_.failed_wait);
  }
  return next;
}

void Agent::handle_timeout(Timestamp now) {
  now_ = now;
  for (size_t i = 0; i < relays_.size(); ++i) {
    auto& slot = relays_[i];
    if (!slot.started) continue;
    auto t = slot.allocator->poll_timeout();
    if (t && *t <= now) slot.allocator->handle_timeout(now);
    handle_relay_events(now, i, nullptr);
  }
  if (closed_) return;
  // Server-reflexive gathering transactions.
  for (size_t i = 0; i < gather_transactions_.size();) {
    auto& g = gather_transactions_[i];
    g.tx.handle_timeout(now);
    if (auto t = g.tx.poll_transmit()) transmits_.push_back(std::move(*t));
    g.tx.poll_event();  // a timeout simply yields no candidate (RFC 8445 §5.1.1.2)
    if (!g.tx.running()) {
      gather_transactions_.erase(gather_transactions_.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    ++i;
  }
  for (auto& c : check_transactions_) c.tx.handle_timeout(now);
  process_check_events(now);
  // RFC 8445 §6.1.4.2 / §5.1.1.2: one new transaction per Ta.
  if (now >= next_pacing_) {
    bool started = false;
    if (!pending_server_requests_.empty()) {
      start_gather_transaction(now);
      started = true;
    } else if (can_check() && check_list_.has_work(!selected_current())) {
      start_check(now);
      started = true;
    }
    if (started) next_pacing_ = now + config_.ta;
  }
  maybe_nominate(now);
  if (selected_ && consent_.probe_due(now)) send_consent_probe(now);
  update_gathering_state();
  update_state(now);
}

// ---- data ----

Result<Transmit> Agent::send(Timestamp now, std::span<const uint8_t> payload) {
  if (closed_) return Error(IceErrc::kClosed, "agent is closed");
  // RFC 7675 §5.1: "the endpoint MUST cease transmission" once consent expired.
  if (consent_lost_) return Error(IceErrc::kConsentExpired, "consent expired");
  if (!selected_) return Error(IceErrc::kNoSelectedPair, "no selected candidate pair");
  const LocalCandidate& l = selected_->local;
  if (l.relay) {
    auto t = relays_[*l.relay].allocator->send(now, selected_->remote.address, payload);
    if (!t) return Error(IceErrc::kNoSelectedPair, "the relay cannot send");
    return std::move(*t);
  }
  Transmit t;
  t.source = l.base;
  t.destination = selected_->remote.address;
  t.payload.assign(payload.begin(), payload.end());
  return t;
}

std::optional<DataRoute> Agent::data_route() const {
  if (!selected_ || consent_lost_ || closed_) return std::nullopt;
  return DataRoute{selected_->local.base, selected_->remote.address, selected_->local.relay.has_value()};
}

std::optional<SelectedPairEvent> Agent::selected_pair() const {
  if (!selected_) return std::nullopt;
  return SelectedPairEvent{selected_->local.candidate, selected_->remote};
}

void Agent::send_via(Timestamp now, const LocalCandidate& local, const SocketAddress& destination,
                     std::span<const uint8_t> bytes) {
  if (local.relay) {
    // Relayed candidates send through the TURN allocation (RFC 8445 §5.1.1.2, RFC 8656 §10).
    if (auto t = relays_[*local.relay].allocator->send(now, destination, bytes)) transmits_.push_back(std::move(*t));
    return;
  }
  Transmit t;
  t.source = local.base;
  t.destination = destination;
  t.payload.assign(bytes.begin(), bytes.end());
  transmits_.push_back(std::move(t));
}

void Agent::send_from(Timestamp now, size_t local, const SocketAddress& destination, std::span<const uint8_t> bytes) {
  send_via(now, locals_[local], destination, bytes);
}

// ---- state ----

bool Agent::all_pairs_failed() const {
  if (check_list_.size() == 0) return false;
  for (const auto& p : check_list_.pairs()) {
    if (p.state != PairState::kFailed) return false;
  }
  return true;
}

bool Agent::nothing_left_to_check() const {
  // Every pair failed (or none could be formed from the peer's candidates), nothing more will be
  // gathered here, and no candidate waits for its name to resolve.
  if (selected_ || consent_lost_ || closed_ || remote_credentials_.empty()) return false;
  if (check_list_.size() == 0 && remotes_.empty() && !remote_end_of_candidates_) return false;
  return (check_list_.size() == 0 || all_pairs_failed()) && pending_hostnames_.empty() &&
         gathering_state_ == GatheringState::kComplete;
}

void Agent::update_state(Timestamp now) {
  ConnectionState next = connection_state_;
  if (closed_) {
    next = ConnectionState::kClosed;
  } else if (selected_) {
    switch (consent_.status(now)) {
      case ConsentFreshness::Status::kExpired:
        // RFC 7675 §5.1: consent lost: stop using the pair; the session has failed.
        consent_lost_ = true;
        consent_.stop();
        // The pair is dead: it must not be selected again by the next nomination.
        if (selected_current()) {
          fail_pair(now, *selected_->pair);
          check_list_[*selected_->pair].nominated = false;
        }
        selected_.reset();
        check_transactions_.erase(std::remove_if(check_transactions_.begin(), check_transactions_.end(),
                                                 [](const CheckTransaction& c) { return c.consent; }),
                                  check_transactions_.end());
        next = ConnectionState::kFailed;
        break;
      case ConsentFreshness::Status::kStale:
        next = ConnectionState::kDisconnected;
        break;
      case ConsentFreshness::Status::kFresh: {
        const bool done = selected_current() && gathering_state_ == GatheringState::kComplete &&
                          remote_end_of_candidates_ && check_list_.count(PairState::kInProgress) == 0 &&
                          !check_list_.has_work(false) && !nominating_;
        next = done ? ConnectionState::kCompleted : ConnectionState::kConnected;
        break;
      }
    }
  } else if (consent_lost_) {
    next = ConnectionState::kFailed;
  } else if (remote_credentials_.empty() || (check_list_.size() == 0 && remotes_.empty() && pending_hostnames_.empty() &&
                                              !remote_end_of_candidates_)) {
    // Nothing to check yet: "new" (or still "checking" after a restart began).
    next = connection_state_ == ConnectionState::kNew ? ConnectionState::kNew : ConnectionState::kChecking;
    if (connection_state_ == ConnectionState::kFailed) next = ConnectionState::kFailed;
  } else {
    const bool patience_over = remote_end_of_candidates_ || now - last_pair_change_ >= config_.failed_wait;
    next = nothing_left_to_check() && patience_over ? ConnectionState::kFailed : ConnectionState::kChecking;
  }
  if (next != connection_state_) {
    // W3C: "completed" follows "connected"; report the step even when both happen at once.
    if (next == ConnectionState::kCompleted && connection_state_ != ConnectionState::kConnected) {
      emit(ConnectionStateEvent{ConnectionState::kConnected});
    }
    connection_state_ = next;
    emit(ConnectionStateEvent{next});
  }
}

}  // namespace tern::ice
