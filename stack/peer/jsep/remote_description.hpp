#pragma once
// Applying a remote description (RFC 8829 §5.7 parsing, §5.9 / §5.10 applying): checks that the
// peer's offer or answer is coherent, and extracts what the protocol machines need from it.
//
//   ICE    ufrag/pwd, ice-lite, trickle, candidates of the transport section (→ ice agent)
//   DTLS   fingerprints, and our role from a=setup (→ dtls connection, certificate check)
//   SCTP   the remote sctp-port and max-message-size (→ sctp association, DataChannel::send)
//   RTP    per m= section: mid, direction, codecs, header extensions, SSRCs (→ rtp/rtcp demux)
//
// tern runs one transport for the whole session (RFC 9143 BUNDLE, like bundle-policy max-bundle):
// the transport section is the first mid of the BUNDLE group (the BUNDLE tag, RFC 9143 §7), or
// the first accepted section when the description has no BUNDLE group. Sections outside that
// transport are reported with bundled = false and carry no media.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "peer/jsep/codec.hpp"
#include "peer/jsep/errc.hpp"
#include "peer/jsep/ice_credentials.hpp"
#include "sdp/session_description.hpp"
#include "tern/session_description.hpp"
#include "tern/states.hpp"

namespace tern::peer {

// RFC 8841 §6.1: the max-message-size to assume when a peer does not send the attribute.
inline constexpr uint64_t kDefaultRemoteMaxMessageSize = 65536;

// One m= section of the remote description.
struct RemoteMediaSection {
  size_t mline_index = 0;  // 0-based m= index (W3C sdpMLineIndex)
  uint32_t line = 0;       // 1-based line number of the m= line in the SDP text
  std::string mid;         // empty only for a rejected section without a=mid
  std::string media;       // "audio", "video", "application", ...
  std::optional<SectionKind> kind;
  std::string proto;
  bool rejected = false;      // port 0 without a=bundle-only (RFC 3264 §6, RFC 9143 §6)
  bool bundled = false;       // carried by the session's transport
  bool data_channel = false;  // an SCTP data channel section (UDP/DTLS/SCTP webrtc-datachannel)
  // The remote's direction (RFC 8866 §6.7: sendrecv when absent). Media flows from them when it
  // includes send, to them when it includes recv.
  sdp::Direction direction = sdp::Direction::kSendRecv;
  // Audio/video: the codecs the remote lists, in its preference order. For an answer, only those
  // that were in our offer with the same payload type and encoding (RFC 3264 §6.1).
  std::vector<Codec> codecs;
  std::vector<sdp::Extmap> extmaps;
  std::vector<uint32_t> ssrcs;  // distinct a=ssrc ids, in order
  std::vector<sdp::SsrcGroup> ssrc_groups;
  std::optional<std::string> cname;  // the first a=ssrc ... cname:
  std::vector<sdp::Msid> msids;
  bool rtcp_mux = false;
  bool rtcp_rsize = false;
  std::vector<sdp::Candidate> candidates;
  bool end_of_candidates = false;  // media or session level a=end-of-candidates (RFC 8840 §8.2)
};

// The remote SCTP endpoint (RFC 8841).
struct RemoteSctpParameters {
  std::string mid;
  uint16_t port = 5000;  // a=sctp-port (RFC 8841 §5.1; 5000 when absent)
  // a=max-message-size (RFC 8841 §6.1): the largest message the remote accepts; 65536 when
  // absent, 0 = no limit.
  uint64_t max_message_size = kDefaultRemoteMaxMessageSize;
};

struct RemoteTransportParameters {
  SdpType type = SdpType::kOffer;
  uint64_t session_id = 0;
  uint64_t session_version = 0;

  // ICE (RFC 8839).
  IceCredentials ice;
  bool ice_lite = false;
  bool trickle = false;  // a=ice-options:trickle (RFC 8840 §4.1.1)
  bool ice2 = false;     // a=ice-options:ice2 (RFC 8445 §10)

  // DTLS (RFC 8842).
  std::vector<sdp::Fingerprint> fingerprints;  // at least one
  sdp::SetupRole remote_setup = sdp::SetupRole::kActpass;
  // Our DTLS role as this description decides it; nullopt for an actpass offer (our answer
  // decides: see answer_setup()).
  std::optional<DtlsRole> local_dtls_role;

  // BUNDLE (RFC 9143): the transport section and the mids it carries, in group order.
  std::string transport_mid;
  std::vector<std::string> bundle_mids;

  std::optional<RemoteSctpParameters> sctp;  // nullopt: no accepted data channel section
  std::vector<RemoteMediaSection> media;     // every m= section, rejected ones included

  // The section called `mid`, or nullptr.
  const RemoteMediaSection* find(std::string_view mid) const;
  // The transport section, or nullptr when every section is rejected.
  const RemoteMediaSection* transport_section() const;
  // The candidates of the transport (those of the transport section: RFC 9143 §7.2 / §8 puts them
  // there; candidates of other bundled sections belong to transports that BUNDLE discards).
  const std::vector<sdp::Candidate>& transport_candidates() const;
  // True when the transport section (or the session) says a=end-of-candidates.
  bool end_of_candidates() const;
};

// Checks and extracts a parsed remote description of type offer, pranswer or answer. For a
// pranswer or answer, `local_offer` is the offer we sent (required: the answer is checked against
// it); for an offer it is ignored.
//
// Errors (position = the 1-based line of the m= line at fault, or of the a=group line for BUNDLE
// errors): kBadDescriptionType (rollback, or an answer without local_offer), kMissingMid,
// kDuplicateMid, kUnknownBundleMid, kBadBundle, kBadDataChannelProto, kMissingIceCredentials,
// kIceCredentialMismatch, kMissingFingerprint, kFingerprintMismatch, kBadSetup, kSetupConflict,
// kAnswerMismatch, kBadDirection.
Result<RemoteTransportParameters> apply_remote_description(SdpType type, const sdp::SessionDescription& remote,
                                                           const sdp::SessionDescription* local_offer = nullptr);

// The same from SDP text: parses it first (sdp::SdpErrc errors with their line numbers).
Result<RemoteTransportParameters> apply_remote_description(SdpType type, std::string_view remote_sdp,
                                                           const sdp::SessionDescription* local_offer = nullptr);

// The a=setup value we answer with to an offer whose setup is `remote` (RFC 8842 §5.3, RFC 4145
// §4.1): active -> passive, passive -> active, actpass -> our established role if any, else
// `preference` (active or passive).
sdp::SetupRole answer_setup(sdp::SetupRole remote, sdp::SetupRole preference,
                            std::optional<DtlsRole> established = std::nullopt);

// Our DTLS role for a setup value we wrote in an answer: active = client, passive = server.
DtlsRole dtls_role_for_local_setup(sdp::SetupRole local);

// The 1-based line numbers of every m= line of `text` (CRLF or LF), in order.
std::vector<uint32_t> media_line_numbers(std::string_view text);

}  // namespace tern::peer
