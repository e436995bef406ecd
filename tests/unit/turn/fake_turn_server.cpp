#include "fake_turn_server.hpp"

#include <algorithm>
#include <charconv>

#include "stun/attributes.hpp"
#include "stun/channel_data.hpp"
#include "stun/fingerprint.hpp"
#include "stun/integrity.hpp"
#include "stun/nonce.hpp"

namespace tern::turn::test {

namespace ec = stun::error_codes;

FakeTurnServer::FakeTurnServer(FakeTurnConfig config, sim::Network& network, sim::Host& host, IpAddress relay_ip,
                               uint64_t seed)
    : config_(std::move(config)), network_(&network), host_(&host), relay_ip_(relay_ip), rng_(seed) {}

bool FakeTurnServer::has_allocation(const SocketAddress& client) const { return allocations_.count(client) != 0; }

FakeTurnServer::Allocation* FakeTurnServer::find_allocation(const SocketAddress& client) {
  auto it = allocations_.find(client);
  return it == allocations_.end() ? nullptr : &it->second;
}

// ---- nonces: "g<generation>t<issued ms>", behind the RFC 8489 cookie in rfc8489 mode ----

std::string FakeTurnServer::current_nonce(Timestamp now) {
  const bool stale = config_.nonce_lifetime > Duration::zero() && now - nonce_issued_ >= config_.nonce_lifetime;
  if (!nonce_issued_valid_ || stale) {
    nonce_issued_ = now;
    nonce_issued_valid_ = true;
  }
  std::string rest = "g" + std::to_string(nonce_generation_) + "t" + std::to_string(nonce_issued_.as_millis());
  if (config_.rfc8489) return stun::make_nonce(stun::security_features::kPasswordAlgorithms, rest);
  return rest;
}

bool FakeTurnServer::nonce_valid(std::string_view nonce, Timestamp now) const {
  auto cookie = stun::parse_nonce_cookie(nonce);
  if (!cookie || cookie->present != config_.rfc8489) return false;
  std::string_view rest = cookie->rest;
  if (rest.size() < 4 || rest[0] != 'g') return false;
  const size_t t = rest.find('t');
  if (t == std::string_view::npos) return false;
  uint32_t generation = 0;
  int64_t issued_ms = 0;
  if (std::from_chars(rest.data() + 1, rest.data() + t, generation).ec != std::errc()) return false;
  if (std::from_chars(rest.data() + t + 1, rest.data() + rest.size(), issued_ms).ec != std::errc()) return false;
  if (generation != nonce_generation_) return false;
  if (config_.nonce_lifetime > Duration::zero() && now - Timestamp::from_millis(issued_ms) >= config_.nonce_lifetime) {
    return false;
  }
  return true;
}

// ---- output ----

void FakeTurnServer::send_to_client(const SocketAddress& client, const SocketAddress& server_address,
                                    TransportProtocol protocol, std::vector<uint8_t> bytes) {
  if (protocol == TransportProtocol::kUdp) {
    out_.push_back(Transmit{server_address, client, protocol, std::move(bytes)});
    return;
  }
  // A stream: cut the bytes into chunks of random size, so frames straddle chunk boundaries.
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t n = std::min(bytes.size() - at, size_t{1} + rng_.uniform(static_cast<uint32_t>(config_.max_chunk)));
    out_.push_back(Transmit{server_address, client, protocol,
                            std::vector<uint8_t>(bytes.begin() + static_cast<std::ptrdiff_t>(at),
                                                 bytes.begin() + static_cast<std::ptrdiff_t>(at + n))});
    at += n;
  }
}

std::vector<uint8_t> FakeTurnServer::respond(const Datagram& to, const stun::Message& request, uint16_t code,
                                             const std::vector<uint8_t>* key, bool sha256,
                                             const std::function<void(stun::MessageBuilder&)>& add) {
  std::vector<uint8_t> bytes;
  const stun::MessageClass c = code == 0 ? stun::MessageClass::kSuccessResponse : stun::MessageClass::kErrorResponse;
  stun::MessageBuilder b(bytes, {request.method(), c}, request.transaction_id());
  if (code != 0) b.add(stun::ErrorCode{code, stun::default_reason_phrase(code)});
  if (add) add(b);
  if (key && (code != 0 || config_.sign_responses)) {
    if (sha256) {
      b.add_message_integrity_sha256(*key);
    } else {
      b.add_message_integrity(*key);
    }
  }
  b.add_fingerprint();
  TERN_ASSERT(b.finish().ok(), "fake server response");
  send_to_client(to.source, to.destination, to.protocol, bytes);
  return bytes;
}

void FakeTurnServer::respond_challenge(Timestamp now, const Datagram& to, const stun::Message& request, uint16_t code) {
  const std::string nonce = current_nonce(now);
  respond(to, request, code, nullptr, false, [&](stun::MessageBuilder& b) {
    b.add(stun::Realm{config_.realm});
    b.add(stun::Nonce{nonce});
    if (config_.rfc8489) {
      // RFC 8489 §9.2.4: the server lists its algorithms in order of preference.
      stun::PasswordAlgorithms list;
      list.push({stun::PasswordAlgorithm::kSha256, {}});
      list.push({stun::PasswordAlgorithm::kMd5, {}});
      b.add(list);
    }
  });
}

// ---- input ----

void FakeTurnServer::handle_input(Timestamp now, const Datagram& datagram) {
  if (auto owner = relay_owner_.find(datagram.destination); owner != relay_owner_.end()) {
    Allocation* a = find_allocation(owner->second);
    if (!a) {
      ++counters_.dropped_no_allocation;
      return;
    }
    handle_peer_data(now, datagram, *a);
    return;
  }
  if (datagram.protocol == TransportProtocol::kUdp) {
    handle_client_message(now, datagram, datagram.payload);
    return;
  }
  StreamState& s = streams_[datagram.source];
  s.framer.push(datagram.payload);
  while (true) {
    auto frame = s.framer.next();
    if (!frame) {
      ++counters_.malformed;
      return;
    }
    if (!*frame) return;
    handle_client_message(now, datagram, (*frame)->bytes);
  }
}

void FakeTurnServer::handle_client_message(Timestamp now, const Datagram& from, std::span<const uint8_t> bytes) {
  if (bytes.empty()) return;
  if (bytes[0] >= 0x40 && bytes[0] <= 0x4F) {
    const auto framing = from.protocol == TransportProtocol::kUdp ? stun::ChannelDataFraming::kDatagram
                                                                  : stun::ChannelDataFraming::kStream;
    auto m = stun::parse_channel_data(bytes, framing);
    Allocation* a = find_allocation(from.source);
    if (!m || !a) {
      ++counters_.malformed;
      return;
    }
    auto c = a->channels.find(m->channel);
    if (c == a->channels.end() || c->second.expires_at <= now) {
      ++counters_.dropped_no_permission;
      return;
    }
    ++counters_.channel_data_in;
    out_.push_back(Transmit{a->relayed, c->second.peer, TransportProtocol::kUdp,
                            std::vector<uint8_t>(m->data.begin(), m->data.end())});
    return;
  }
  stun::Message message;
  if (!stun::parse(bytes, message) ||
      (message.has(stun::AttributeType::kFingerprint) && !stun::verify_fingerprint(message))) {
    ++counters_.malformed;
    return;
  }
  if (message.message_class() == stun::MessageClass::kRequest) {
    handle_request(now, from, message);
    return;
  }
  if (message.message_class() == stun::MessageClass::kIndication && message.method() == stun::Method::kSend) {
    Allocation* a = find_allocation(from.source);
    auto peer = stun::get<stun::XorPeerAddress>(message);
    auto data = stun::get<stun::Data>(message);
    if (!a || !peer || !data) {
      ++counters_.malformed;
      return;
    }
    // RFC 8656 §11.2: relay only to peers with a permission.
    auto p = a->permissions.find(peer->address.ip());
    if (p == a->permissions.end() || p->second <= now) {
      ++counters_.dropped_no_permission;
      return;
    }
    ++counters_.send_indications;
    out_.push_back(Transmit{a->relayed, peer->address, TransportProtocol::kUdp,
                            std::vector<uint8_t>(data->data.begin(), data->data.end())});
    return;
  }
  ++counters_.malformed;
}

void FakeTurnServer::handle_request(Timestamp now, const Datagram& from, const stun::Message& request) {
  RequestRecord rec;
  rec.at = now;
  rec.method = request.method();
  rec.client = from.source;
  if (auto l = stun::get<stun::Lifetime>(request)) rec.lifetime = l->seconds;

  // Retransmitted Allocate: replay the stored response (RFC 8656 §7.2).
  if (Allocation* a = find_allocation(from.source);
      a && request.method() == stun::Method::kAllocate && a->allocate_txid == request.transaction_id()) {
    send_to_client(from.source, from.destination, from.protocol, a->allocate_response);
    return;
  }

  // Long-term credentials (RFC 8489 §9.2.4).
  const bool has_mi = request.has(stun::AttributeType::kMessageIntegrity);
  const bool has_mi256 = request.has(stun::AttributeType::kMessageIntegritySha256);
  if (!has_mi && !has_mi256) {
    rec.response_code = ec::kUnauthenticated;
    record(rec);
    respond_challenge(now, from, request, ec::kUnauthenticated);
    return;
  }
  auto username = stun::get<stun::Username>(request);
  auto realm = stun::get<stun::Realm>(request);
  auto nonce = stun::get<stun::Nonce>(request);
  if (!username || !realm || !nonce) {
    rec.response_code = ec::kBadRequest;
    record(rec);
    respond(from, request, ec::kBadRequest, nullptr, false, {});
    return;
  }
  if (!nonce_valid(nonce->text, now)) {
    rec.response_code = ec::kStaleNonce;
    record(rec);
    respond_challenge(now, from, request, ec::kStaleNonce);
    return;
  }
  auto user = config_.users.find(std::string(username->text));
  stun::PasswordAlgorithm algorithm = stun::PasswordAlgorithm::kMd5;
  if (config_.rfc8489) {
    auto chosen = stun::get<stun::PasswordAlgorithmAttribute>(request);
    auto echoed = stun::get<stun::PasswordAlgorithms>(request);
    // RFC 8489 §9.2.4: the list must come back unchanged, and the choice must be in it.
    if (!chosen || !echoed || echoed->count != 2 || echoed->entries[0].algorithm != stun::PasswordAlgorithm::kSha256 ||
        echoed->entries[1].algorithm != stun::PasswordAlgorithm::kMd5) {
      rec.response_code = ec::kBadRequest;
      record(rec);
      respond(from, request, ec::kBadRequest, nullptr, false, {});
      return;
    }
    algorithm = chosen->entry.algorithm;
  }
  if (user == config_.users.end() || realm->text != config_.realm) {
    rec.response_code = ec::kUnauthenticated;
    record(rec);
    respond_challenge(now, from, request, ec::kUnauthenticated);
    return;
  }
  auto digest = stun::long_term_key(user->first, config_.realm, user->second, algorithm);
  const std::vector<uint8_t> key(digest->view().begin(), digest->view().end());
  const Status verified = has_mi256 ? stun::verify_message_integrity_sha256(request, key)
                                    : stun::verify_message_integrity(request, key);
  if (!verified) {
    rec.response_code = ec::kUnauthenticated;
    record(rec);
    respond_challenge(now, from, request, ec::kUnauthenticated);
    return;
  }
  rec.authenticated = true;
  rec.sha256_integrity = has_mi256;
  rec.algorithm = algorithm;

  auto reply_error = [&](uint16_t code) {
    rec.response_code = code;
    record(rec);
    respond(from, request, code, &key, has_mi256, {});
  };
  auto reply = [&](const std::function<void(stun::MessageBuilder&)>& add) {
    record(rec);
    return respond(from, request, 0, &key, has_mi256, add);
  };
  Allocation* a = find_allocation(from.source);
  if (request.method() != stun::Method::kAllocate) {
    // RFC 8656 §8.2, §9.2, §12.2: requests other than Allocate need an allocation on this 5-tuple,
    // made with the same credentials (441 otherwise).
    if (!a) return reply_error(ec::kAllocationMismatch);
    if (a->username != username->text) return reply_error(ec::kWrongCredentials);
  }

  switch (request.method()) {
    case stun::Method::kAllocate: {
      if (a) return reply_error(ec::kAllocationMismatch);  // RFC 8656 §7.2: 5-tuple in use
      if (config_.allocate_error) return reply_error(*config_.allocate_error);
      auto transport = stun::get<stun::RequestedTransport>(request);
      if (!transport) return reply_error(ec::kBadRequest);
      if (transport->protocol != stun::RequestedTransport::kUdp) return reply_error(ec::kUnsupportedTransportProtocol);
      auto family = stun::get<stun::RequestedAddressFamily>(request);
      const IpFamily wanted = family && family->family == stun::AddressFamily::kIpv6 ? IpFamily::kV6 : IpFamily::kV4;
      if (wanted != relay_ip_.family()) return reply_error(ec::kAddressFamilyNotSupported);
      Duration lifetime = rec.lifetime ? Duration::seconds(rec.lifetime) : config_.default_lifetime;
      lifetime = std::min(lifetime, config_.max_lifetime);
      const SocketAddress relayed(relay_ip_, next_relay_port_++);
      TERN_ASSERT(network_->bind(*host_, *this, relayed).ok(), "relay port");
      Allocation alloc;
      alloc.client = from.source;
      alloc.protocol = from.protocol;
      alloc.server_address = from.destination;
      alloc.username = std::string(username->text);
      alloc.key = key;
      alloc.algorithm = algorithm;
      alloc.relayed = relayed;
      alloc.expires_at = now + lifetime;
      alloc.allocate_txid = request.transaction_id();
      relay_owner_[relayed] = from.source;
      const uint32_t seconds = static_cast<uint32_t>(lifetime.as_micros() / 1000000);
      alloc.allocate_response = reply([&](stun::MessageBuilder& b) {
        b.add(stun::XorRelayedAddress{relayed});
        b.add(stun::Lifetime{seconds});
        b.add(stun::XorMappedAddress{from.source});
      });
      allocations_.emplace(from.source, std::move(alloc));
      return;
    }
    case stun::Method::kRefresh: {
      Duration lifetime = rec.lifetime || request.has(stun::AttributeType::kLifetime) ? Duration::seconds(rec.lifetime)
                                                                                      : config_.default_lifetime;
      lifetime = std::min(lifetime, config_.max_lifetime);
      const uint32_t seconds = static_cast<uint32_t>(lifetime.as_micros() / 1000000);
      if (seconds == 0) {
        // RFC 8656 §8.2: LIFETIME 0 deletes the allocation at once.
        relay_owner_.erase(a->relayed);
        allocations_.erase(from.source);
      } else {
        a->expires_at = now + lifetime;
      }
      reply([&](stun::MessageBuilder& b) { b.add(stun::Lifetime{seconds}); });
      return;
    }
    case stun::Method::kCreatePermission: {
      const stun::RawAttribute* raw = request.find(stun::AttributeType::kXorPeerAddress);
      if (!raw) return reply_error(ec::kBadRequest);
      std::vector<IpAddress> peers;
      for (; raw; raw = request.find_next(stun::AttributeType::kXorPeerAddress, raw)) {
        auto peer = stun::get<stun::XorPeerAddress>(request, *raw);
        if (!peer) return reply_error(ec::kBadRequest);
        if (peer->address.family() != a->relayed.family()) return reply_error(ec::kPeerAddressFamilyMismatch);
        peers.push_back(peer->address.ip());
      }
      for (const IpAddress& ip : peers) a->permissions[ip] = now + config_.permission_lifetime;
      reply({});
      return;
    }
    case stun::Method::kChannelBind: {
      auto number = stun::get<stun::ChannelNumber>(request);
      auto peer = stun::get<stun::XorPeerAddress>(request);
      if (!number || !peer) return reply_error(ec::kBadRequest);
      if (peer->address.family() != a->relayed.family()) return reply_error(ec::kPeerAddressFamilyMismatch);
      // RFC 8656 §12.2: a number bound to another peer, or a peer bound to another number, is 400.
      for (const auto& [n, c] : a->channels) {
        if (c.expires_at <= now) continue;
        if ((n == number->channel) != (c.peer == peer->address)) return reply_error(ec::kBadRequest);
      }
      a->channels[number->channel] = Channel{peer->address, now + config_.channel_lifetime};
      a->permissions[peer->address.ip()] = now + config_.permission_lifetime;
      reply({});
      return;
    }
    default:
      return reply_error(ec::kBadRequest);
  }
}

void FakeTurnServer::handle_peer_data(Timestamp now, const Datagram& datagram, Allocation& a) {
  // RFC 8656 §11.3 / §9: data from a peer without a permission is dropped.
  auto p = a.permissions.find(datagram.source.ip());
  if (p == a.permissions.end() || p->second <= now) {
    ++counters_.dropped_no_permission;
    return;
  }
  for (const auto& [number, channel] : a.channels) {
    if (channel.peer != datagram.source || channel.expires_at <= now) continue;
    const auto framing = a.protocol == TransportProtocol::kUdp ? stun::ChannelDataFraming::kDatagram
                                                               : stun::ChannelDataFraming::kStream;
    std::vector<uint8_t> bytes(stun::channel_data_size(datagram.payload.size(), framing));
    TERN_ASSERT(stun::serialize_channel_data({number, datagram.payload, 0}, bytes, framing).ok(), "ChannelData");
    ++counters_.channel_data_out;
    send_to_client(a.client, a.server_address, a.protocol, std::move(bytes));
    return;
  }
  std::vector<uint8_t> bytes;
  stun::TransactionId id{};
  rng_.fill(id);
  stun::MessageBuilder b(bytes, {stun::Method::kData, stun::MessageClass::kIndication}, id);
  b.add(stun::XorPeerAddress{datagram.source});
  b.add(stun::Data{datagram.payload});
  b.add_fingerprint();
  TERN_ASSERT(b.finish().ok(), "Data indication");
  ++counters_.data_indications;
  send_to_client(a.client, a.server_address, a.protocol, std::move(bytes));
}

std::optional<Transmit> FakeTurnServer::poll_transmit() {
  if (out_.empty()) return std::nullopt;
  Transmit t = std::move(out_.front());
  out_.pop_front();
  return t;
}

std::optional<Timestamp> FakeTurnServer::poll_timeout() {
  std::optional<Timestamp> next;
  for (const auto& [client, a] : allocations_) {
    if (!next || a.expires_at < *next) next = a.expires_at;
  }
  return next;
}

void FakeTurnServer::handle_timeout(Timestamp now) {
  // RFC 8656 §8: an allocation not refreshed within its lifetime is deleted.
  for (auto it = allocations_.begin(); it != allocations_.end();) {
    if (it->second.expires_at <= now) {
      ++counters_.expired_allocations;
      relay_owner_.erase(it->second.relayed);
      it = allocations_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace tern::turn::test
