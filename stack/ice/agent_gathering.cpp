// Agent: gathering host, server-reflexive and relayed candidates (RFC 8445 §5.1.1), trickled to
// the owner as they appear (RFC 8838 §4).
#include <algorithm>

#include "ice/agent_internal.hpp"
#include "ice/check_message.hpp"
#include "ice/priority.hpp"
#include "stun/attributes.hpp"

namespace tern::ice {

void Agent::add_local_address(Timestamp now, const SocketAddress& base) {
  now_ = now;
  if (closed_) return;
  if (std::find(addresses_.begin(), addresses_.end(), base) != addresses_.end()) return;
  addresses_.push_back(base);
  if (gathering_started_) {
    // A new interface while (or after) gathering: its candidates trickle like the others.
    gather_host(now, addresses_.size() - 1);
    update_gathering_state();
    update_state(now);
  }
}

void Agent::add_relay(std::unique_ptr<RelayAllocator> relay) {
  if (!relay || closed_) return;
  RelaySlot slot;
  slot.allocator = std::move(relay);
  relays_.push_back(std::move(slot));
  if (gathering_started_) {
    relays_.back().started = true;
    relays_.back().allocator->start(now_);
    handle_relay_events(now_, relays_.size() - 1, nullptr);
    update_gathering_state();
  }
}

void Agent::start_gathering(Timestamp now) {
  now_ = now;
  if (gathering_started_ || closed_) return;
  gathering_started_ = true;
  gathering_state_ = GatheringState::kGathering;
  emit(GatheringStateEvent{gathering_state_});
  // RFC 8445 §5.1.1.1: a host candidate per local address, right away.
  for (size_t i = 0; i < addresses_.size(); ++i) gather_host(now, i);
  // RFC 8445 §5.1.1.2: relayed candidates from each TURN server.
  for (size_t i = 0; i < relays_.size(); ++i) {
    relays_[i].started = true;
    relays_[i].allocator->start(now);
    handle_relay_events(now, i, nullptr);
  }
  update_gathering_state();
  update_state(now);
}

void Agent::gather_host(Timestamp now, size_t address_index) {
  const SocketAddress& base = addresses_[address_index];
  LocalCandidate l;
  l.base = base;
  l.interface_index = static_cast<uint16_t>(std::min<size_t>(address_index, 0xFFFF));
  l.candidate.type = CandidateType::kHost;
  l.candidate.address = base;
  l.candidate.component = 1;
  l.candidate.transport = TransportProtocol::kUdp;
  // RFC 8445 §5.1.2.1: type preference 126 and a local preference ranking the interface.
  l.candidate.priority = candidate_priority(CandidateType::kHost, local_preference(base.ip(), l.interface_index));
  // RFC 8445 §5.1.1.3: same type, base IP and transport -> same foundation.
  l.candidate.foundation = foundations_.foundation(CandidateType::kHost, base.ip(), std::nullopt, TransportProtocol::kUdp);
  add_local_candidate(now, std::move(l), true);
  queue_server_requests(locals_.size() - 1);
}

void Agent::queue_server_requests(size_t local_index) {
  if (local_index >= locals_.size()) return;
  const SocketAddress& base = locals_[local_index].base;
  for (const auto& server : config_.stun_servers) {
    // A server of the other address family cannot be reached from this base.
    if (server.family() == base.family()) pending_server_requests_.emplace_back(local_index, server);
  }
}

void Agent::start_gather_transaction(Timestamp now) {
  auto [local, server] = pending_server_requests_.front();
  pending_server_requests_.pop_front();
  if (local >= locals_.size()) return;
  const auto id = new_transaction_id();
  // RFC 8445 §5.1.1.2: a plain Binding request (no credentials) to the STUN server.
  GatherTransaction g{stun::ClientTransaction(now, build_server_binding_request(id), id, server, locals_[local].base,
                                              TransportProtocol::kUdp, config_.gather_transaction),
                      local, server};
  if (auto t = g.tx.poll_transmit()) transmits_.push_back(std::move(*t));
  gather_transactions_.push_back(std::move(g));
}

void Agent::handle_gather_response(Timestamp now, size_t index, const stun::Message& response) {
  GatherTransaction g = std::move(gather_transactions_[index]);
  gather_transactions_.erase(gather_transactions_.begin() + static_cast<std::ptrdiff_t>(index));
  g.tx.handle_response(now, response);
  if (response.message_class() != stun::MessageClass::kSuccessResponse || g.local >= locals_.size()) return;
  std::optional<SocketAddress> mapped;
  if (auto x = stun::get<stun::XorMappedAddress>(response)) {
    mapped = x->address;
  } else if (auto m = stun::get<stun::MappedAddress>(response)) {
    // RFC 8489 §14.1: MAPPED-ADDRESS from RFC 3489 servers.
    mapped = m->address;
  }
  if (!mapped) {
    ++counters_.stun_malformed;
    return;
  }
  const LocalCandidate& host = locals_[g.local];
  // RFC 8445 §5.1.3: a server-reflexive candidate equal to its base (no NAT) is redundant.
  if (*mapped == host.base) return;
  for (const auto& l : locals_) {
    if (l.candidate.type == CandidateType::kServerReflexive && l.candidate.address == *mapped && l.base == host.base) {
      return;  // RFC 8445 §5.1.3: same address and base as another candidate
    }
  }
  LocalCandidate s;
  s.base = host.base;
  s.server = g.server;
  s.interface_index = host.interface_index;
  s.candidate.type = CandidateType::kServerReflexive;
  s.candidate.address = *mapped;
  s.candidate.priority =
      candidate_priority(CandidateType::kServerReflexive, local_preference(host.base.ip(), host.interface_index));
  s.candidate.foundation =
      foundations_.foundation(CandidateType::kServerReflexive, host.base.ip(), g.server.ip(), TransportProtocol::kUdp);
  // RFC 8839 §5.1: raddr/rport of a server-reflexive candidate is its base.
  s.candidate.related = host.base;
  add_local_candidate(now, std::move(s), true);
}

void Agent::handle_relay_events(Timestamp now, size_t relay_index, Received* received) {
  auto& slot = relays_[relay_index];
  while (auto e = slot.allocator->poll_event()) {
    switch (e->kind) {
      case RelayEvent::Kind::kAllocated: {
        slot.done = true;
        if (slot.local) break;  // already allocated (a refresh reported again)
        const SocketAddress relay_base = slot.allocator->base();
        const SocketAddress server = slot.allocator->server();
        uint16_t interface_index = 0;
        if (auto host = find_base(relay_base)) {
          interface_index = locals_[*host].interface_index;
          // The Allocate response also reports our server-reflexive address (RFC 8656 §7.3).
          if (e->mapped && *e->mapped != relay_base) {
            bool redundant = false;
            for (const auto& l : locals_) {
              if (l.candidate.type == CandidateType::kServerReflexive && l.candidate.address == *e->mapped &&
                  l.base == relay_base) {
                redundant = true;
              }
            }
            if (!redundant) {
              LocalCandidate s;
              s.base = relay_base;
              s.server = server;
              s.interface_index = interface_index;
              s.candidate.type = CandidateType::kServerReflexive;
              s.candidate.address = *e->mapped;
              s.candidate.priority = candidate_priority(CandidateType::kServerReflexive,
                                                        local_preference(relay_base.ip(), interface_index));
              s.candidate.foundation = foundations_.foundation(CandidateType::kServerReflexive, relay_base.ip(),
                                                               server.ip(), TransportProtocol::kUdp);
              s.candidate.related = relay_base;
              add_local_candidate(now, std::move(s), true);
            }
          }
        }
        LocalCandidate r;
        // RFC 8445 §5.1.1.2: the base of a relayed candidate is the candidate itself.
        r.base = e->relayed;
        r.relay = relay_index;
        r.server = server;
        r.interface_index = interface_index;
        r.candidate.type = CandidateType::kRelayed;
        r.candidate.address = e->relayed;
        r.candidate.priority =
            candidate_priority(CandidateType::kRelayed, local_preference(e->relayed.ip(), interface_index));
        r.candidate.foundation =
            foundations_.foundation(CandidateType::kRelayed, relay_base.ip(), server.ip(), TransportProtocol::kUdp);
        // RFC 8839 §5.1: raddr/rport of a relayed candidate is the mapped address.
        r.candidate.related = e->mapped ? *e->mapped : relay_base;
        const size_t before = locals_.size();
        add_local_candidate(now, std::move(r), true);
        if (locals_.size() > before) slot.local = locals_.size() - 1;
        break;
      }
      case RelayEvent::Kind::kFailed:
        // No relayed candidate from this server (or the allocation is gone): checks through it
        // will time out and fail their pairs.
        slot.done = true;
        break;
      case RelayEvent::Kind::kData: {
        if (!slot.local) break;
        if (stun::looks_like_stun(e->data)) {
          handle_stun(now, *slot.local, e->peer, e->data);
        } else if (!known_remote_address(e->peer, *slot.local)) {
          ++counters_.data_unknown_source;
        } else if (received && received->kind != Received::Kind::kData) {
          relay_rx_ = std::move(e->data);
          received->kind = Received::Kind::kData;
          received->data = relay_rx_;
          received->from = e->peer;
        }
        break;
      }
    }
  }
}

void Agent::add_local_candidate(Timestamp now, LocalCandidate local, bool signal) {
  (void)now;
  if (locals_.size() >= config_.max_local_candidates) return;
  local.candidate.component = 1;
  local.candidate.transport = TransportProtocol::kUdp;
  if (signal) local.candidate = stamped(std::move(local.candidate));
  locals_.push_back(std::move(local));
  const auto& l = locals_.back();
  if (signal) emit(LocalCandidateEvent{l.candidate});
  // RFC 8445 §6.1.2.4: server-reflexive candidates are replaced by their base when pairing, which
  // makes them duplicates of the host pairs: only host and relayed candidates are paired.
  if (l.candidate.type == CandidateType::kHost || l.candidate.type == CandidateType::kRelayed) {
    form_pairs_for_local(static_cast<uint32_t>(locals_.size() - 1));
  }
}

Candidate Agent::stamped(Candidate candidate) const {
  // Chromium-style extensions: which restart generation and ufrag a trickled candidate belongs to.
  candidate.generation = generation_;
  candidate.ufrag = local_credentials_.ufrag;
  return candidate;
}

std::optional<size_t> Agent::find_local_by_address(const SocketAddress& address) const {
  for (size_t i = 0; i < locals_.size(); ++i) {
    if (locals_[i].candidate.address == address) return i;
  }
  return std::nullopt;
}

void Agent::update_gathering_state() {
  if (!gathering_started_ || closed_) return;
  bool done = pending_server_requests_.empty() && gather_transactions_.empty();
  for (const auto& r : relays_) done = done && r.done;
  if (done && gathering_state_ != GatheringState::kComplete) {
    gathering_state_ = GatheringState::kComplete;
    emit(GatheringStateEvent{gathering_state_});
    emit(GatheringCompleteEvent{});
  } else if (!done && gathering_state_ == GatheringState::kComplete) {
    // A new interface re-opened gathering.
    gathering_state_ = GatheringState::kGathering;
    emit(GatheringStateEvent{gathering_state_});
  }
}

}  // namespace tern::ice
