#pragma once
// tern/peer_connection.hpp: tern::PeerConnection, shaped like W3C RTCPeerConnection (webrtc-pc §4).
//
// A data channel to a browser, complete except for the application's signaling channel (any way
// of carrying two JSON-ish messages between the peers: WebSocket, HTTP, copy and paste):
//
//   #include <tern/tern.hpp>
//
//   int main() {
//     auto runtime = tern::Runtime::create().value();
//     tern::Configuration config;
//     config.ice_servers = {{{"stun:stun.l.google.com:19302"}}};
//     auto pc = tern::PeerConnection::create(runtime, config).value();
//
//     pc->on_ice_candidate([](const tern::IceCandidate& c) {
//       signaling_send_candidate(c.candidate, c.sdp_mid);  // empty candidate = end of candidates
//     });
//     pc->on_connection_state_change([](tern::PeerConnectionState s) {
//       std::printf("connection %s\n", std::string(tern::to_string(s)).c_str());
//     });
//
//     auto dc = pc->create_data_channel("chat").value();
//     dc->on_open([dc] { (void)dc->send("hello from tern"); });
//     dc->on_message([](const tern::DataChannelMessage& m) {
//       if (!m.binary) std::printf("got: %.*s\n", int(m.text().size()), m.text().data());
//     });
//
//     auto offer = pc->create_offer().value();
//     (void)pc->set_local_description(offer);
//     signaling_send_offer(offer.sdp);                          // to the browser
//     (void)pc->set_remote_description({tern::SdpType::kAnswer, signaling_receive_answer()});
//     for (auto& c : signaling_receive_candidates()) (void)pc->add_ice_candidate(c);
//     wait_for_enter();
//     pc->close();
//   }
//
// Threading (DESIGN.md "Threading"):
//   - Every method is thread-safe. A call made from a thread other than the connection's loop
//     thread runs on the loop and waits for it (so its effects are visible when it returns); a
//     call made on the loop thread (from a callback) runs inline. Calls never block on the network.
//   - Callbacks (on_*) of the connection and of its data channels and tracks run on the loop
//     thread, one at a time, in event order. Keep them short; post long work elsewhere.
//   - close() (also run by the destructor) is synchronous: once it returns, no callback of this
//     connection, its channels or its tracks runs again, from any thread. Calling close() from a
//     callback is allowed (the current callback finishes, no further ones start).
//   - Set callbacks before the events they report can happen (before set_local_description for
//     on_ice_candidate, before set_remote_description for on_data_channel / on_track). Events that
//     fire while no callback is set are dropped, except data channel events (see data_channel.hpp).
//
// Errors: every fallible call returns RtcResult / RtcStatus (tern/error.hpp) with the W3C error
// name a browser would raise; misuse (wrong state, bad arguments, after close) is an error, never
// undefined behaviour. Failures of a live connection are reported through the state callbacks
// (connection "failed") and DataChannel::on_error.
//
// Lifetime: hold the connection by std::shared_ptr. The runtime outlives its connections (each
// holds a reference). Destroying the last reference closes the connection.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tern/certificate.hpp"
#include "tern/data_channel.hpp"
#include "tern/error.hpp"
#include "tern/ice_candidate.hpp"
#include "tern/media.hpp"
#include "tern/runtime.hpp"
#include "tern/session_description.hpp"
#include "tern/states.hpp"
#include "tern/stats.hpp"

namespace tern {

// W3C RTCIceServer: one STUN or TURN server.
//   {{"stun:stun.example.org:3478"}}
//   {{"turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:5349"}, "user", "secret"}
struct IceServer {
  IceServer() = default;
  IceServer(std::vector<std::string> server_urls, std::string user = {}, std::string password = {})
      : urls(std::move(server_urls)), username(std::move(user)), credential(std::move(password)) {}

  std::vector<std::string> urls;  // RFC 7064 stun:/stuns:, RFC 7065 turn:/turns: URIs
  std::string username;           // TURN only (long-term credential, RFC 8489 §9.2)
  std::string credential;         // TURN only
  bool operator==(const IceServer&) const = default;
};

// W3C RTCIceTransportPolicy.
enum class IceTransportPolicy : uint8_t {
  kAll,    // host, server-reflexive and relay candidates
  kRelay,  // relay candidates only (hides the host addresses; needs a TURN server)
};

// W3C RTCBundlePolicy. tern runs every m= section over one transport (RFC 9143 BUNDLE), so it
// always behaves as kMaxBundle: a peer that does not accept BUNDLE gets one m= section negotiated
// (the first); the other values are accepted for source compatibility.
enum class BundlePolicy : uint8_t { kBalanced, kMaxCompat, kMaxBundle };

constexpr std::string_view to_string(IceTransportPolicy policy) {
  return policy == IceTransportPolicy::kAll ? "all" : "relay";
}
constexpr std::string_view to_string(BundlePolicy policy) {
  switch (policy) {
    case BundlePolicy::kBalanced: return "balanced";
    case BundlePolicy::kMaxCompat: return "max-compat";
    case BundlePolicy::kMaxBundle: return "max-bundle";
  }
  return "unknown";
}

// W3C RTCConfiguration, plus the socket options a native program needs.
struct Configuration {
  std::vector<IceServer> ice_servers;
  IceTransportPolicy ice_transport_policy = IceTransportPolicy::kAll;
  BundlePolicy bundle_policy = BundlePolicy::kMaxBundle;
  // The DTLS certificate(s) to present; empty: the connection generates an ECDSA P-256 one. Only
  // the first is used.
  std::vector<std::shared_ptr<Certificate>> certificates;

  // --- Native extensions ---------------------------------------------------------------------------
  // Local UDP ports for host candidates, inclusive; {0, 0} lets the OS choose.
  uint16_t port_range_begin = 0;
  uint16_t port_range_end = 0;
  // Local addresses to gather host candidates on ("192.0.2.7", "2001:db8::1", "127.0.0.1"); empty:
  // every up interface except loopback (as browsers do).
  std::vector<std::string> bind_addresses;
  // Also gather on loopback interfaces when bind_addresses is empty. For tests and same-host
  // peers; Chromium itself announces 127.0.0.1 only with --allow-loopback-in-peer-connection.
  bool include_loopback = false;
  // What we advertise in a=max-message-size (RFC 8841 §6): the largest message we accept. Both
  // Chromium and libdatachannel advertise 262144; 0 means no limit.
  uint64_t max_message_size = 262144;

  bool operator==(const Configuration&) const = default;
};

// W3C RTCOfferOptions.
struct OfferOptions {
  bool ice_restart = false;  // new ICE credentials in this offer (as restart_ice())
};

// W3C RTCPeerConnectionIceErrorEvent: a STUN or TURN server could not be used.
struct IceCandidateError {
  std::string address;   // the local address the request was sent from
  std::optional<uint16_t> port;
  std::string url;       // the server URL from Configuration::ice_servers
  uint16_t error_code = 0;  // STUN error code (RFC 8489 §14.8), or 701 when unreachable
  std::string error_text;
};

class PeerConnection {
 public:
  class Impl;

  // Creates a connection on one of `runtime`'s loops. Errors: kInvalidParameter for a malformed
  // ICE server URL or port range; kInvalidAccess for a TURN server without credentials;
  // kOperation when no certificate could be generated.
  static RtcResult<std::shared_ptr<PeerConnection>> create(std::shared_ptr<Runtime> runtime,
                                                           Configuration configuration = {});

  explicit PeerConnection(std::shared_ptr<Impl> impl);
  // Closes the connection (as close()).
  ~PeerConnection();
  PeerConnection(const PeerConnection&) = delete;
  PeerConnection& operator=(const PeerConnection&) = delete;

  // --- Offer/answer (RFC 8829 JSEP) ----------------------------------------------------------------
  // An offer for every data channel and transceiver so far, with the candidates gathered so far
  // (none before set_local_description starts gathering). Errors: kInvalidState when closed or
  // while a remote offer is pending (have-remote-offer: create an answer instead).
  RtcResult<SessionDescription> create_offer(OfferOptions options = {});
  // The answer to the pending remote offer. Errors: kInvalidState unless the signaling state is
  // have-remote-offer or have-local-pranswer.
  RtcResult<SessionDescription> create_answer();
  // Applies our own offer or answer (the one create_* returned; tern does not accept edited SDP
  // other than unchanged text) and starts ICE gathering. With SdpType::kRollback, cancels a pending
  // offer. Errors: kInvalidState for a type not allowed in the current signaling state (the state
  // is then unchanged); kInvalidModification when the SDP is not the last one created.
  RtcStatus set_local_description(const SessionDescription& description);
  // W3C setLocalDescription() without an argument: creates and applies an offer in stable or
  // have-local-offer, an answer in have-remote-offer or have-local-pranswer.
  RtcStatus set_local_description();
  // Applies the peer's offer, pranswer or answer (or a rollback of its offer). An offer in
  // have-local-offer rolls our offer back first (W3C implicit rollback, "perfect negotiation").
  // Errors: kInvalidState (wrong state, unchanged); kSdpSyntax with sdp_line_number for text that
  // does not parse; kInvalidAccess with sdp_line_number (the m= line) for SDP that contradicts
  // itself or our offer (missing a=fingerprint or ICE credentials, both sides a=setup:active,
  // BUNDLE naming an unknown mid, an answer whose m= lines do not match the offer, ...).
  RtcStatus set_remote_description(const SessionDescription& description);
  // A trickled remote candidate (RFC 8840); an empty candidate marks the end of the remote
  // candidates. Candidates that arrive before the remote description are queued. Errors:
  // kSyntax for a malformed candidate; kInvalidAccess for an sdp_mid / sdp_mline_index that names
  // no m= section, or a username_fragment from another ICE generation; kInvalidState when closed.
  RtcStatus add_ice_candidate(const IceCandidate& candidate);
  // Asks for an ICE restart (RFC 8445 §9): the next offer carries new credentials. Fires
  // on_negotiation_needed.
  void restart_ice();

  // W3C localDescription / currentLocalDescription / pendingLocalDescription (and remote): the
  // descriptions with the candidates gathered so far; nullopt when none.
  std::optional<SessionDescription> local_description() const;
  std::optional<SessionDescription> current_local_description() const;
  std::optional<SessionDescription> pending_local_description() const;
  std::optional<SessionDescription> remote_description() const;
  std::optional<SessionDescription> current_remote_description() const;
  std::optional<SessionDescription> pending_remote_description() const;

  // --- States --------------------------------------------------------------------------------------
  SignalingState signaling_state() const;
  IceGatheringState ice_gathering_state() const;
  IceConnectionState ice_connection_state() const;
  PeerConnectionState connection_state() const;

  Configuration configuration() const;
  // W3C setConfiguration: ICE servers and the transport policy may change (they apply to the next
  // gathering, e.g. after restart_ice()); certificates and bundle policy may not
  // (kInvalidModification).
  RtcStatus set_configuration(const Configuration& configuration);

  // --- Data channels (RFC 8831, RFC 8832) ----------------------------------------------------------
  // Creates a channel; the first one adds the m=application section to the next offer (and fires
  // on_negotiation_needed). Errors: kInvalidParameter when both max_packet_life_time and
  // max_retransmits are set, when negotiated is set without an id, for an id above 65534, or for a
  // label or protocol longer than 65535 bytes; kOperation when the id is already in use;
  // kInvalidState when closed.
  RtcResult<std::shared_ptr<DataChannel>> create_data_channel(std::string label, DataChannelInit init = {});

  // --- Media ---------------------------------------------------------------------------------------
  // Sends `track` on a new (or a reusable, unused) transceiver of the same kind with direction
  // sendrecv (W3C addTrack). Errors: kInvalidAccess when the track is already added; kInvalidState
  // when closed.
  RtcResult<std::shared_ptr<RtpTransceiver>> add_track(std::shared_ptr<MediaTrack> track,
                                                       std::vector<std::string> stream_ids = {});
  // A transceiver with no sending track yet (W3C addTransceiver(kind)).
  RtcResult<std::shared_ptr<RtpTransceiver>> add_transceiver(MediaKind kind, TransceiverInit init = {});
  std::vector<std::shared_ptr<RtpTransceiver>> transceivers() const;

  // --- Statistics ----------------------------------------------------------------------------------
  // A snapshot of the W3C stats (tern/stats.hpp). Works in every state, after close() too.
  StatsReport get_stats() const;

  // Closes everything at once (W3C close()): data channels become closed without their on_close
  // (as in browsers), the SCTP association is aborted, the DTLS close_notify is sent, ICE stops,
  // the signaling state becomes closed. Idempotent. No callback runs after close() returns.
  void close();

  // --- Callbacks (thread-safe to set or replace; run on the loop thread) -----------------------------
  // A local candidate to send to the peer; once gathering completes, one with an empty `candidate`
  // (end-of-candidates). Candidates carry sdp_mid and sdp_mline_index of the first bundled m=
  // section.
  void on_ice_candidate(std::function<void(const IceCandidate&)> callback);
  void on_ice_candidate_error(std::function<void(const IceCandidateError&)> callback);
  void on_signaling_state_change(std::function<void(SignalingState)> callback);
  void on_ice_gathering_state_change(std::function<void(IceGatheringState)> callback);
  void on_ice_connection_state_change(std::function<void(IceConnectionState)> callback);
  void on_connection_state_change(std::function<void(PeerConnectionState)> callback);
  // A channel the peer opened (DCEP DATA_CHANNEL_OPEN, RFC 8832 §5.1). Set its callbacks here.
  void on_data_channel(std::function<void(std::shared_ptr<DataChannel>)> callback);
  void on_track(std::function<void(const TrackEvent&)> callback);
  // Something changed that needs a new offer/answer exchange (W3C: fired in stable only, once per
  // change burst).
  void on_negotiation_needed(std::function<void()> callback);

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace tern
