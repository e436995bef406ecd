#include "turn/client.hpp"

#include <algorithm>
#include <utility>

#include "stun/attributes.hpp"
#include "stun/builder.hpp"
#include "stun/channel_data.hpp"
#include "stun/fingerprint.hpp"
#include "stun/text_attributes.hpp"

namespace tern::turn {

namespace {

constexpr stun::MessageType request_type(stun::Method method) { return {method, stun::MessageClass::kRequest}; }

// The failure an ERROR-CODE stands for (RFC 8656 §7.4, §19).
FailureReason reason_for(uint16_t code) {
  namespace ec = stun::error_codes;
  switch (code) {
    case ec::kUnauthenticated: return FailureReason::kUnauthenticated;
    case ec::kForbidden: return FailureReason::kForbidden;
    case ec::kAllocationMismatch: return FailureReason::kAllocationMismatch;
    case ec::kStaleNonce: return FailureReason::kStaleNonceLoop;
    case ec::kAddressFamilyNotSupported: return FailureReason::kAddressFamilyNotSupported;
    case ec::kWrongCredentials: return FailureReason::kWrongCredentials;
    case ec::kUnsupportedTransportProtocol: return FailureReason::kUnsupportedTransport;
    case ec::kAllocationQuotaReached: return FailureReason::kQuotaReached;
    case ec::kInsufficientCapacity: return FailureReason::kInsufficientCapacity;
    default: return FailureReason::kServerError;
  }
}

uint32_t whole_seconds(Duration d) {
  const int64_t s = d.as_micros() / 1000000;
  return s <= 0 ? 0 : static_cast<uint32_t>(std::min<int64_t>(s, UINT32_MAX));
}

}  // namespace

const char* client_state_name(Client::State state) {
  switch (state) {
    case Client::State::kIdle: return "idle";
    case Client::State::kAllocating: return "allocating";
    case Client::State::kAllocated: return "allocated";
    case Client::State::kDeallocating: return "deallocating";
    case Client::State::kClosed: return "closed";
    case Client::State::kFailed: return "failed";
  }
  return "unknown";
}

Client::Client(ClientConfig config, Rng& rng)
    : config_(std::move(config)), rng_(&rng), credentials_(config_.username, config_.password) {}

stun::TransactionId Client::new_transaction_id() {
  stun::TransactionId id{};
  rng_->fill(id);
  return id;
}

bool Client::family_matches(IpFamily family) const { return relayed_ && relayed_->family() == family; }

std::optional<Timestamp> Client::expires_at() const {
  if (state_ != State::kAllocated) return std::nullopt;
  return expires_at_;
}

bool Client::has_permission(const IpAddress& peer) const {
  const Permission* p = permissions_.find(peer);
  return p && p->state == Permission::State::kInstalled;
}

std::optional<uint16_t> Client::channel_of(const SocketAddress& peer) const {
  const ChannelBinding* c = channels_.find_peer(peer);
  if (!c || c->state != ChannelBinding::State::kBound) return std::nullopt;
  return c->number;
}

// ---- requests ----

Status Client::start_request(Timestamp now, Request request) {
  const stun::TransactionId id = new_transaction_id();
  std::vector<uint8_t> bytes;
  bytes.reserve(256);
  stun::Method method = stun::Method::kAllocate;
  switch (request.kind) {
    case RequestKind::kAllocate: method = stun::Method::kAllocate; break;
    case RequestKind::kRefresh: method = stun::Method::kRefresh; break;
    case RequestKind::kCreatePermission: method = stun::Method::kCreatePermission; break;
    case RequestKind::kChannelBind: method = stun::Method::kChannelBind; break;
  }
  stun::MessageBuilder b(bytes, request_type(method), id);
  switch (request.kind) {
    case RequestKind::kAllocate:
      // RFC 8656 §7.1: REQUESTED-TRANSPORT is mandatory; UDP is the only value this client uses.
      b.add(stun::RequestedTransport{stun::RequestedTransport::kUdp});
      // RFC 8656 §7.1: REQUESTED-ADDRESS-FAMILY asks for an IPv6 relayed address (absent: IPv4).
      if (config_.relay_family == IpFamily::kV6) b.add(stun::RequestedAddressFamily{stun::AddressFamily::kIpv6});
      if (request.lifetime_seconds > 0) b.add(stun::Lifetime{request.lifetime_seconds});
      break;
    case RequestKind::kRefresh:
      // RFC 8656 §8: LIFETIME 0 deletes the allocation; another value asks for that lifetime
      // (absent: the server's default).
      if (request.deallocate) {
        b.add(stun::Lifetime{0});
      } else if (request.lifetime_seconds > 0) {
        b.add(stun::Lifetime{request.lifetime_seconds});
      }
      break;
    case RequestKind::kCreatePermission:
      // RFC 8656 §9: permissions match the IP address only; the port is ignored, send 0.
      b.add(stun::XorPeerAddress{SocketAddress(request.peer_ip, 0)});
      break;
    case RequestKind::kChannelBind:
      b.add(stun::ChannelNumber{request.channel});
      b.add(stun::XorPeerAddress{request.peer});
      break;
  }
  if (!config_.software.empty()) b.add(stun::Software{config_.software});
  request.authenticated = credentials_.ready();
  if (request.authenticated) {
    credentials_.add_identity(b);
    credentials_.sign(b);
  }
  if (config_.fingerprint) b.add_fingerprint();
  auto done = b.finish();
  if (!done) return done.error();

  request.sent_at = now;
  const TransportProtocol protocol = is_stream(config_.transport) ? TransportProtocol::kTcp : TransportProtocol::kUdp;
  pending_.push_back(Pending{
      stun::ClientTransaction(now, std::move(bytes), id, config_.server, config_.local, protocol, config_.transaction),
      request});
  ++counters_.requests_sent;
  drain_transaction(pending_.back().transaction);
  return {};
}

void Client::drain_transaction(stun::ClientTransaction& transaction) {
  while (auto t = transaction.poll_transmit()) outbound_.push_back(std::move(*t));
}

Status Client::allocate(Timestamp now) {
  if (state_ != State::kIdle) return Error(TurnErrc::kAlreadyStarted, "allocate() called twice", 0);
  // Refuse credentials that could never be sent, before any traffic (RFC 8489 §14.3, §14.14).
  if (auto s = stun::Username{config_.username}.validate(); !s) return s;
  if (auto s = stun::Software{config_.software}.validate(); !s) return s;
  Request r;
  r.kind = RequestKind::kAllocate;
  r.lifetime_seconds = whole_seconds(config_.requested_lifetime);
  state_ = State::kAllocating;
  // RFC 8656 §7.1: the first Allocate normally goes without credentials; the 401 brings the realm
  // and the nonce.
  if (auto s = start_request(now, r); !s) {
    state_ = State::kIdle;
    return s;
  }
  return {};
}

Status Client::refresh(Timestamp now) {
  if (state_ != State::kAllocated) return Error(TurnErrc::kNotAllocated, "refresh() without an allocation", 0);
  if (refresh_in_flight_) return {};
  Request r;
  r.kind = RequestKind::kRefresh;
  r.lifetime_seconds = whole_seconds(config_.requested_lifetime);
  if (auto s = start_request(now, r); !s) return s;
  refresh_in_flight_ = true;
  return {};
}

Status Client::deallocate(Timestamp now) {
  if (state_ == State::kAllocating) {
    // Nothing confirmed yet: stop here. If the server did create the allocation it expires.
    finish_deallocation();
    return {};
  }
  if (state_ != State::kAllocated) return Error(TurnErrc::kNotAllocated, "deallocate() without an allocation", 0);
  stop_everything();
  Request r;
  r.kind = RequestKind::kRefresh;
  r.deallocate = true;  // RFC 8656 §8: a Refresh with LIFETIME 0 deletes the allocation
  state_ = State::kDeallocating;
  if (auto s = start_request(now, r); !s) {
    finish_deallocation();
    return s;
  }
  return {};
}

Status Client::create_permission(Timestamp now, const IpAddress& peer) {
  if (state_ != State::kAllocated) return Error(TurnErrc::kNotAllocated, "create_permission() without an allocation", 0);
  // RFC 8656 §10.2: a peer of the other family gets 443 (Peer Address Family Mismatch).
  if (!family_matches(peer.family())) return Error(TurnErrc::kFamilyMismatch, "peer family differs from the relayed address", 0);
  if (permissions_.find(peer)) return {};
  Permission* p = permissions_.add(peer, config_.max_permissions);
  if (!p) return Error(TurnErrc::kTooManyPermissions, "permission table full", 0);
  p->in_flight = true;
  Request r;
  r.kind = RequestKind::kCreatePermission;
  r.peer_ip = peer;
  if (auto s = start_request(now, r); !s) {
    permissions_.remove(peer);
    return s;
  }
  return {};
}

Result<uint16_t> Client::bind_channel(Timestamp now, const SocketAddress& peer) {
  if (state_ != State::kAllocated) return Error(TurnErrc::kNotAllocated, "bind_channel() without an allocation", 0);
  if (!family_matches(peer.family())) return Error(TurnErrc::kFamilyMismatch, "peer family differs from the relayed address", 0);
  if (const ChannelBinding* existing = channels_.find_peer(peer)) return existing->number;
  ChannelBinding* c = channels_.add(peer);
  if (!c) return Error(TurnErrc::kChannelsExhausted, "all channel numbers in use", 0);
  c->in_flight = true;
  Request r;
  r.kind = RequestKind::kChannelBind;
  r.peer = peer;
  r.channel = c->number;
  const uint16_t number = c->number;
  if (auto s = start_request(now, r); !s) {
    channels_.remove(number);
    return s.error();
  }
  return number;
}

Status Client::send_to(const SocketAddress& peer, std::span<const uint8_t> data) {
  if (state_ != State::kAllocated) return Error(TurnErrc::kNotAllocated, "send_to() without an allocation", 0);
  if (!family_matches(peer.family())) return Error(TurnErrc::kFamilyMismatch, "peer family differs from the relayed address", 0);
  const ChannelBinding* channel = channels_.find_peer(peer);
  Transmit t;
  t.source = config_.local;
  t.destination = config_.server;
  t.protocol = is_stream(config_.transport) ? TransportProtocol::kTcp : TransportProtocol::kUdp;
  if (channel && channel->state == ChannelBinding::State::kBound) {
    // RFC 8656 §12.4: once the channel is bound, data goes as ChannelData (4 bytes of overhead),
    // padded to 4 over TCP/TLS (§12.5).
    if (data.size() > 0xFFFF) return Error(TurnErrc::kDataTooLarge, "ChannelData longer than 65535 bytes", 0);
    const auto framing = is_stream(config_.transport) ? stun::ChannelDataFraming::kStream : stun::ChannelDataFraming::kDatagram;
    t.payload.resize(stun::channel_data_size(data.size(), framing));
    auto n = stun::serialize_channel_data(stun::ChannelData{channel->number, data, 0}, t.payload, framing);
    if (!n) return Error(TurnErrc::kDataTooLarge, "ChannelData", 0);
    ++counters_.sent_channel_data;
    outbound_.push_back(std::move(t));
    return {};
  }
  // RFC 8656 §11.2 / §9: the server relays Send indications only to peers with a permission.
  if (!permissions_.find(peer.ip()) && !channel) {
    return Error(TurnErrc::kNoPermission, "no permission for the peer's IP", 0);
  }
  stun::MessageBuilder b(t.payload, {stun::Method::kSend, stun::MessageClass::kIndication}, new_transaction_id());
  b.add(stun::XorPeerAddress{peer});
  b.add(stun::Data{data});
  // RFC 8656 §11.1: indications carry no MESSAGE-INTEGRITY (they cannot be authenticated).
  if (config_.fingerprint) b.add_fingerprint();
  if (!b.finish()) return Error(TurnErrc::kDataTooLarge, "Send indication exceeds the STUN length field", 0);
  ++counters_.sent_send_indications;
  outbound_.push_back(std::move(t));
  return {};
}

// ---- input ----

bool Client::handle_input(Timestamp now, const Datagram& in) {
  if (is_stream(config_.transport)) {
    (void)handle_stream_data(now, in.payload);
    return true;
  }
  // Only the server speaks to us here (RFC 8656 §7.3: the 5-tuple identifies the allocation).
  if (in.source != config_.server) return false;
  bool consumed = false;
  handle_message(now, in.payload, &consumed);
  return consumed;
}

Status Client::handle_stream_data(Timestamp now, std::span<const uint8_t> bytes) {
  if (!is_stream(config_.transport)) return Error(TurnErrc::kNotAStreamTransport, "stream bytes on a UDP client", 0);
  if (state_ == State::kClosed || state_ == State::kFailed) return {};
  framer_.push(bytes);
  while (state_ != State::kClosed && state_ != State::kFailed) {
    auto frame = framer_.next();
    if (!frame) {
      fail(FailureReason::kStreamDesync, 0);
      return frame.error();
    }
    if (!*frame) break;
    bool consumed = false;
    handle_message(now, (*frame)->bytes, &consumed);
  }
  return {};
}

void Client::handle_connection_closed(Timestamp) {
  if (state_ == State::kDeallocating) {
    finish_deallocation();
    return;
  }
  // RFC 8656 §3.1: over TCP/TLS the allocation is tied to the connection.
  fail(FailureReason::kConnectionClosed, 0);
}

void Client::handle_message(Timestamp now, std::span<const uint8_t> bytes, bool* consumed) {
  if (bytes.empty()) {
    ++counters_.malformed;
    return;
  }
  // RFC 8656 §12: 0b01 in the first two bits is ChannelData, 0b00 is STUN.
  if (bytes[0] >= 0x40 && bytes[0] <= 0x4F) {
    handle_channel_data(bytes, consumed);
    return;
  }
  stun::Message message;
  if (auto s = stun::parse(bytes, message); !s) {
    ++counters_.malformed;
    return;
  }
  // RFC 8489 §7.3: a FINGERPRINT that does not match means the message is not STUN.
  if (message.has(stun::AttributeType::kFingerprint) && !stun::verify_fingerprint(message)) {
    ++counters_.bad_fingerprint;
    return;
  }
  switch (message.message_class()) {
    case stun::MessageClass::kIndication:
      if (message.method() == stun::Method::kData) {
        *consumed = true;
        handle_data_indication(message);
      } else {
        ++counters_.ignored;
      }
      return;
    case stun::MessageClass::kRequest:
      ++counters_.ignored;
      return;
    case stun::MessageClass::kSuccessResponse:
    case stun::MessageClass::kErrorResponse:
      handle_response(now, message, consumed);
      return;
  }
}

void Client::handle_channel_data(std::span<const uint8_t> bytes, bool* consumed) {
  const auto framing = is_stream(config_.transport) ? stun::ChannelDataFraming::kStream : stun::ChannelDataFraming::kDatagram;
  auto m = stun::parse_channel_data(bytes, framing);
  if (!m) {
    ++counters_.malformed;
    return;
  }
  *consumed = true;
  if (state_ != State::kAllocated) {
    ++counters_.ignored;
    return;
  }
  // RFC 8656 §12.6: ChannelData on a channel not bound to a peer is silently discarded. A pending
  // binding counts: the server may use it before its success response reaches us.
  const ChannelBinding* c = channels_.find_number(m->channel);
  if (!c) {
    ++counters_.unknown_channel;
    return;
  }
  ++counters_.received_channel_data;
  emit(Data{c->peer, std::vector<uint8_t>(m->data.begin(), m->data.end()), true});
}

void Client::handle_data_indication(const stun::Message& message) {
  if (state_ != State::kAllocated) {
    ++counters_.ignored;
    return;
  }
  // RFC 8656 §11.4: a Data indication without XOR-PEER-ADDRESS or DATA is discarded.
  auto peer = stun::get<stun::XorPeerAddress>(message);
  auto data = stun::get<stun::Data>(message);
  if (peer && !data && message.has(stun::AttributeType::kIcmp)) {
    // RFC 8656 §11.6: an ICMP report from the relay (no DATA); nothing to deliver.
    ++counters_.ignored;
    return;
  }
  if (!peer || !data) {
    ++counters_.malformed;
    return;
  }
  // RFC 8656 §11.4: the client SHOULD check that it believes there is a permission for the peer.
  if (!permissions_.find(peer->address.ip()) && !channels_.find_peer(peer->address)) {
    ++counters_.no_permission;
    return;
  }
  ++counters_.received_data_indications;
  emit(Data{peer->address, std::vector<uint8_t>(data->data.begin(), data->data.end()), false});
}

void Client::handle_response(Timestamp now, const stun::Message& message, bool* consumed) {
  auto it = std::find_if(pending_.begin(), pending_.end(),
                         [&](const Pending& p) { return p.transaction.matches(message); });
  if (it == pending_.end()) {
    ++counters_.unmatched_responses;
    return;
  }
  *consumed = true;
  if (it->request.authenticated) {
    const bool has_integrity = message.has(stun::AttributeType::kMessageIntegrity) ||
                               message.has(stun::AttributeType::kMessageIntegritySha256);
    if (has_integrity) {
      // RFC 8489 §9.2.5: a response whose integrity does not check is discarded, as if never
      // received (the transaction keeps waiting for the real one).
      if (!credentials_.verify(message)) {
        ++counters_.integrity_failures;
        return;
      }
    } else if (message.message_class() == stun::MessageClass::kSuccessResponse) {
      // RFC 8489 §9.2.5: a success response to an authenticated request must be authenticated too.
      ++counters_.integrity_failures;
      return;
    }
    // Error responses may come without integrity: a 401 or 438 cannot carry any (the server does
    // not accept our key), and the 96-bit random transaction ID already binds them to our request.
  }
  it->transaction.handle_response(now, message);
  const Request request = it->request;
  pending_.erase(it);
  if (message.message_class() == stun::MessageClass::kSuccessResponse) {
    handle_success(request, message);
  } else {
    handle_error(now, request, message);
  }
}

void Client::schedule_refresh(Timestamp base, Duration lifetime) {
  // RFC 8656 §8: refresh before the lifetime runs out; a minute early leaves room for
  // retransmissions, or half-way for short lifetimes.
  const Duration lead = lifetime > config_.refresh_margin * 2 ? lifetime - config_.refresh_margin : lifetime / 2;
  refresh_at_ = base + lead;
  expires_at_ = base + lifetime;
}

void Client::install_permission(const IpAddress& peer, Timestamp sent_at) {
  Permission* p = permissions_.find(peer);
  if (!p) {
    p = permissions_.add(peer, config_.max_permissions);
    if (!p) return;
  }
  const bool was_installed = p->state == Permission::State::kInstalled;
  p->state = Permission::State::kInstalled;
  // The server's timer started when it processed the request: counting from our send time errs on
  // the early side.
  const Timestamp expires = sent_at + config_.permission_lifetime;
  if (!was_installed || expires > p->expires_at) {
    p->expires_at = expires;
    p->refresh_at = sent_at + config_.permission_refresh;
  }
  if (!was_installed) emit(PermissionCreated{peer});
}

void Client::handle_success(const Request& request, const stun::Message& message) {
  switch (request.kind) {
    case RequestKind::kAllocate: {
      if (state_ != State::kAllocating) return;
      // RFC 8656 §7.3: the success response holds XOR-RELAYED-ADDRESS (one per family), LIFETIME and
      // XOR-MAPPED-ADDRESS.
      std::optional<SocketAddress> relayed;
      for (const stun::RawAttribute* a = message.find(stun::AttributeType::kXorRelayedAddress); a;
           a = message.find_next(stun::AttributeType::kXorRelayedAddress, a)) {
        auto r = stun::get<stun::XorRelayedAddress>(message, *a);
        if (r && r->address.family() == config_.relay_family) {
          relayed = r->address;
          break;
        }
      }
      auto lifetime = stun::get<stun::Lifetime>(message);
      if (!relayed || !lifetime || lifetime->seconds == 0) {
        fail(FailureReason::kBadResponse, 0);
        return;
      }
      auto mapped = stun::get<stun::XorMappedAddress>(message);
      relayed_ = *relayed;
      mapped_ = mapped ? std::optional<SocketAddress>(mapped->address) : std::nullopt;
      state_ = State::kAllocated;
      const Duration granted = Duration::seconds(lifetime->seconds);
      schedule_refresh(request.sent_at, granted);
      emit(Allocated{*relayed_, mapped_.value_or(SocketAddress()), granted});
      return;
    }
    case RequestKind::kRefresh: {
      if (request.deallocate) {
        finish_deallocation();
        return;
      }
      if (state_ != State::kAllocated) return;
      refresh_in_flight_ = false;
      auto lifetime = stun::get<stun::Lifetime>(message);
      // RFC 8656 §8.3: the response carries the granted LIFETIME; 0 would mean the allocation is gone.
      if (!lifetime || lifetime->seconds == 0) {
        fail(lifetime ? FailureReason::kAllocationExpired : FailureReason::kBadResponse, 0);
        return;
      }
      const Duration granted = Duration::seconds(lifetime->seconds);
      schedule_refresh(request.sent_at, granted);
      emit(Refreshed{granted});
      return;
    }
    case RequestKind::kCreatePermission: {
      if (state_ != State::kAllocated) return;
      Permission* p = permissions_.find(request.peer_ip);
      if (!p) return;  // removed meanwhile
      p->in_flight = false;
      install_permission(request.peer_ip, request.sent_at);
      return;
    }
    case RequestKind::kChannelBind: {
      if (state_ != State::kAllocated) return;
      ChannelBinding* c = channels_.find_number(request.channel);
      if (!c || c->peer != request.peer) return;
      const bool was_bound = c->state == ChannelBinding::State::kBound;
      c->state = ChannelBinding::State::kBound;
      c->in_flight = false;
      c->refresh_at = request.sent_at + config_.channel_refresh;
      c->expires_at = request.sent_at + config_.channel_lifetime;
      // RFC 8656 §12.2: a successful ChannelBind also installs or refreshes the permission for the
      // peer's IP address.
      install_permission(request.peer.ip(), request.sent_at);
      if (!was_bound) emit(ChannelBound{request.peer, request.channel});
      return;
    }
  }
}

void Client::handle_error(Timestamp now, Request request, const stun::Message& message) {
  auto error = stun::get<stun::ErrorCode>(message);
  const uint16_t code = error ? error->code : 0;
  if (code == stun::error_codes::kUnauthenticated) {
    // RFC 8489 §9.2.5: a 401 brings REALM and NONCE; retry with credentials. A second 401 to a
    // request that already had credentials means they were refused; only a bounded number of
    // retries (a changed nonce or realm) is allowed.
    if (request.auth_retries >= config_.max_auth_retries) {
      request_failed(now, request, FailureReason::kUnauthenticated, code);
      return;
    }
    switch (credentials_.handle_challenge(message)) {
      case ChallengeResult::kReady: break;
      case ChallengeResult::kMissingAttribute:
        request_failed(now, request, FailureReason::kBadResponse, code);
        return;
      case ChallengeResult::kNoAlgorithm:
        request_failed(now, request, FailureReason::kNoPasswordAlgorithm, code);
        return;
    }
    ++request.auth_retries;
    if (!start_request(now, request)) request_failed(now, request, FailureReason::kBadResponse, code);
    return;
  }
  if (code == stun::error_codes::kStaleNonce) {
    // RFC 8489 §9.2.5: 438 (Stale Nonce) carries a fresh NONCE; retry with it.
    if (request.stale_retries >= config_.max_stale_nonce_retries ||
        credentials_.handle_challenge(message) != ChallengeResult::kReady) {
      request_failed(now, request, FailureReason::kStaleNonceLoop, code);
      return;
    }
    ++request.stale_retries;
    if (!start_request(now, request)) request_failed(now, request, FailureReason::kBadResponse, code);
    return;
  }
  request_failed(now, request, error ? reason_for(code) : FailureReason::kBadResponse, code);
}

void Client::request_failed(Timestamp now, const Request& request, FailureReason reason, uint16_t code) {
  switch (request.kind) {
    case RequestKind::kAllocate:
      fail(reason, code);
      return;
    case RequestKind::kRefresh:
      if (request.deallocate) {
        // Deallocation: whatever the answer, we are done (the allocation expires if it survived).
        finish_deallocation();
        return;
      }
      if (state_ != State::kAllocated) return;
      refresh_in_flight_ = false;
      if (reason == FailureReason::kAllocationMismatch || reason == FailureReason::kWrongCredentials ||
          reason == FailureReason::kUnauthenticated || reason == FailureReason::kStaleNonceLoop ||
          reason == FailureReason::kNoPasswordAlgorithm) {
        // RFC 8656 §8.3: 437 to a Refresh means the allocation no longer exists; the credential
        // failures cannot get better by retrying.
        fail(reason, code);
        return;
      }
      // Anything else (a timeout, a 5xx): try again half-way to the expiry, at least a second
      // later; when that is too close, the expiry check ends the allocation.
      {
        const Duration delay = (expires_at_ - now) / 2;
        refresh_at_ = delay >= Duration::seconds(1) ? now + delay : expires_at_;
      }
      return;
    case RequestKind::kCreatePermission:
      if (state_ != State::kAllocated) return;
      if (reason == FailureReason::kAllocationMismatch) {
        fail(reason, code);
        return;
      }
      permissions_.remove(request.peer_ip);
      emit(PermissionFailed{request.peer_ip, code});
      return;
    case RequestKind::kChannelBind:
      if (state_ != State::kAllocated) return;
      if (reason == FailureReason::kAllocationMismatch) {
        fail(reason, code);
        return;
      }
      channels_.remove(request.channel);
      emit(ChannelBindFailed{request.peer, request.channel, code});
      return;
  }
}

// ---- output and time ----

std::optional<Transmit> Client::poll_transmit() {
  if (outbound_.empty()) return std::nullopt;
  Transmit t = std::move(outbound_.front());
  outbound_.pop_front();
  return t;
}

std::optional<Event> Client::poll_event() {
  std::optional<Event> e;
  if (events_.empty()) return e;
  e.emplace(std::move(events_.front()));
  events_.pop_front();
  return e;
}

std::optional<Timestamp> Client::poll_timeout() const {
  std::optional<Timestamp> next;
  auto consider = [&](std::optional<Timestamp> t) {
    if (t && (!next || *t < *next)) next = t;
  };
  for (const Pending& p : pending_) consider(p.transaction.poll_timeout());
  if (state_ == State::kAllocated) {
    consider(refresh_in_flight_ ? expires_at_ : std::min(refresh_at_, expires_at_));
    consider(permissions_.next_deadline());
    consider(channels_.next_deadline());
  }
  return next;
}

void Client::handle_timeout(Timestamp now) {
  // Retransmissions and transaction timeouts. Timed-out requests are taken out first, since
  // handling them may start new requests or end everything.
  std::vector<Request> timed_out;
  for (auto it = pending_.begin(); it != pending_.end();) {
    auto deadline = it->transaction.poll_timeout();
    if (deadline && *deadline <= now) {
      it->transaction.handle_timeout(now);
      drain_transaction(it->transaction);
      if (auto e = it->transaction.poll_event(); e && e->kind == stun::TransactionEvent::Kind::kTimeout) {
        timed_out.push_back(it->request);
        it = pending_.erase(it);
        continue;
      }
    }
    ++it;
  }
  for (const Request& r : timed_out) {
    if (state_ == State::kFailed || state_ == State::kClosed) break;
    request_failed(now, r, FailureReason::kTimeout, 0);
  }
  if (state_ != State::kAllocated) return;

  // RFC 8656 §8: the allocation dies at the end of its lifetime unless refreshed.
  if (now >= expires_at_) {
    fail(FailureReason::kAllocationExpired, 0);
    return;
  }
  if (!refresh_in_flight_ && now >= refresh_at_) {
    Request r;
    r.kind = RequestKind::kRefresh;
    r.lifetime_seconds = whole_seconds(config_.requested_lifetime);
    if (start_request(now, r)) {
      refresh_in_flight_ = true;
    } else {
      fail(FailureReason::kBadResponse, 0);
      return;
    }
  }

  // Permissions (RFC 8656 §9: 300 s) and channels (§12: 600 s): refresh before expiry.
  std::vector<IpAddress> lapsed_permissions;
  std::vector<IpAddress> refresh_permissions;
  for (Permission& p : permissions_.entries()) {
    if (p.state != Permission::State::kInstalled) continue;
    if (now >= p.expires_at) {
      lapsed_permissions.push_back(p.peer);
    } else if (!p.in_flight && now >= p.refresh_at) {
      p.in_flight = true;
      refresh_permissions.push_back(p.peer);
    }
  }
  for (const IpAddress& ip : lapsed_permissions) {
    permissions_.remove(ip);
    emit(PermissionFailed{ip, 0});
  }
  for (const IpAddress& ip : refresh_permissions) {
    Request r;
    r.kind = RequestKind::kCreatePermission;
    r.peer_ip = ip;
    if (!start_request(now, r)) {
      fail(FailureReason::kBadResponse, 0);
      return;
    }
  }

  std::vector<uint16_t> lapsed_channels;
  std::vector<std::pair<uint16_t, SocketAddress>> refresh_channels;
  for (ChannelBinding& c : channels_.entries()) {
    if (c.state != ChannelBinding::State::kBound) continue;
    if (now >= c.expires_at) {
      lapsed_channels.push_back(c.number);
    } else if (!c.in_flight && now >= c.refresh_at) {
      c.in_flight = true;
      refresh_channels.emplace_back(c.number, c.peer);
    }
  }
  for (uint16_t n : lapsed_channels) {
    const ChannelBinding* c = channels_.find_number(n);
    const SocketAddress peer = c->peer;
    channels_.remove(n);
    emit(ChannelBindFailed{peer, n, 0});
  }
  for (const auto& [number, peer] : refresh_channels) {
    // RFC 8656 §12.1: a binding is refreshed by a ChannelBind with the same number and peer.
    Request r;
    r.kind = RequestKind::kChannelBind;
    r.channel = number;
    r.peer = peer;
    if (!start_request(now, r)) {
      fail(FailureReason::kBadResponse, 0);
      return;
    }
  }
}

// ---- endings ----

void Client::stop_everything() {
  for (Pending& p : pending_) p.transaction.cancel();
  pending_.clear();
  permissions_.clear();
  channels_.clear();
  refresh_in_flight_ = false;
}

void Client::fail(FailureReason reason, uint16_t code) {
  if (state_ == State::kFailed || state_ == State::kClosed) return;
  stop_everything();
  state_ = State::kFailed;
  emit(Failed{reason, code});
}

void Client::finish_deallocation() {
  if (state_ == State::kFailed || state_ == State::kClosed) return;
  stop_everything();
  state_ = State::kClosed;
  emit(Deallocated{});
}

}  // namespace tern::turn
