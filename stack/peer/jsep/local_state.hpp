#pragma once
// The local side of a JSEP session (RFC 8829 §3-§5): everything tern needs to write its offers and
// answers. The PeerConnection owns one LocalSessionState and edits it as the application adds data
// channels and transceivers and as ICE gathers candidates; create_offer() / create_answer() read it
// and fill in what is still unchosen (session id, ICE credentials, mids, SSRCs) from an Rng, so
// that the same state always produces the same description from the same seed.
//
// One transport: tern bundles every m= section (RFC 9143) over one ICE + DTLS transport, so the
// ICE credentials, fingerprint, setup role and candidates are per session here, not per section.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/rng.hpp"
#include "peer/jsep/codec.hpp"
#include "peer/jsep/ice_credentials.hpp"
#include "sdp/session_description.hpp"
#include "tern/states.hpp"

namespace tern::peer {

// RTP header extensions tern offers (RFC 8285), with Chromium's ids so that a Chromium answer
// keeps them.
inline constexpr std::string_view kAbsSendTimeUri = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
inline constexpr std::string_view kTransportWideCcUri =
    "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
inline constexpr std::string_view kSdesMidUri = "urn:ietf:params:rtp-hdrext:sdes:mid";  // RFC 9143 §15.1

// One RTP header extension: a=extmap:<id> <uri> in the sections of the kinds it applies to.
struct HeaderExtension {
  uint8_t id = 0;  // RFC 8285 §5: 1-14 for the one-byte form tern uses
  std::string uri;
  bool audio = true;
  bool video = true;
  bool operator==(const HeaderExtension&) const = default;
};

// abs-send-time (2), transport-wide-cc (3), sdes:mid (4), for audio and video.
std::vector<HeaderExtension> default_header_extensions();

// The SCTP port tern uses on its side of the association (RFC 8841 §5.1: 5000 by convention).
inline constexpr uint16_t kDefaultSctpPort = 5000;
// What tern advertises in a=max-message-size unless configured (same as Chromium, libdatachannel).
inline constexpr uint64_t kDefaultMaxMessageSize = 262144;

// One m= section we manage: a transceiver (audio/video) or the data channel section.
struct LocalMediaSection {
  SectionKind kind = SectionKind::kApplication;
  std::string mid;  // empty until the first offer or answer names it
  // What the application wants (W3C transceiver.direction); the answer direction is this
  // intersected with what the offer allows (RFC 3264 §6.1). Ignored for the data section.
  sdp::Direction direction = sdp::Direction::kSendRecv;
  bool stopped = false;  // W3C transceiver.stop(): rejected (port 0) in the next description
  std::string stream_id = "-";  // a=msid stream id (RFC 8830 §2: "-" = no stream)
  std::string track_id;         // a=msid track id; empty: generated on first use
  uint32_t ssrc = 0;            // our media SSRC when sending; 0: chosen on first use
  uint32_t rtx_ssrc = 0;        // our RTX SSRC (RFC 4588) when a codec has RTX; 0: chosen on first use
  std::vector<Codec> codecs;    // codec preferences; empty: the session defaults for the kind

  bool sends() const { return direction == sdp::Direction::kSendRecv || direction == sdp::Direction::kSendOnly; }
  bool receives() const { return direction == sdp::Direction::kSendRecv || direction == sdp::Direction::kRecvOnly; }
};

struct LocalSessionState {
  uint64_t session_id = 0;       // o= sess-id; 0: chosen on first use (RFC 8829 §5.2.1)
  uint64_t session_version = 0;  // o= sess-version of the last description written
  IceCredentials ice;            // empty: generated on first use
  bool ice_lite = false;         // we are an ICE lite agent (RFC 8445 §2.5)
  std::vector<sdp::Fingerprint> fingerprints;  // of our DTLS certificate; required
  // The role we take when answering an a=setup:actpass offer. RFC 8842 §5.3 / RFC 5763 §5: the
  // answerer SHOULD be active (DTLS client), as Chromium and libdatachannel are.
  sdp::SetupRole answer_setup = sdp::SetupRole::kActive;
  // The DTLS role of the running association, once known: later answers keep it (RFC 8842 §5.5).
  std::optional<DtlsRole> established_dtls_role;
  uint16_t sctp_port = kDefaultSctpPort;
  uint64_t max_message_size = kDefaultMaxMessageSize;
  std::string cname;  // RTCP CNAME (RFC 7022); empty: generated on first use
  std::vector<LocalMediaSection> sections;  // in m= order once named
  std::vector<Codec> audio_codecs = default_audio_codecs();
  std::vector<Codec> video_codecs = default_video_codecs();
  std::vector<HeaderExtension> header_extensions = default_header_extensions();
  std::vector<sdp::Candidate> candidates;  // gathered so far (written in the first bundled section)
  bool gathering_complete = false;          // adds a=end-of-candidates (RFC 8840 §8.2)

  // The section named `mid`, or nullptr.
  LocalMediaSection* find_section(std::string_view mid);
  const LocalMediaSection* find_section(std::string_view mid) const;
  // The data channel section, or nullptr.
  const LocalMediaSection* data_section() const;
  // The codecs a section offers: its preferences, or the defaults of its kind.
  const std::vector<Codec>& codecs_for(const LocalMediaSection& section) const;
};

// Adds the m=application section if there is none (W3C: the first createDataChannel) and
// returns it.
LocalMediaSection& ensure_data_section(LocalSessionState& state);
// Adds a transceiver section (W3C addTransceiver / addTrack) and returns it.
LocalMediaSection& add_media_section(LocalSessionState& state, SectionKind kind, sdp::Direction direction,
                                     std::string stream_id = "-", std::string track_id = {});

// Fills in what any description needs and is still unset: the session id (63 random bits, RFC 8829
// §5.2.1: "the highest bit off"), ICE credentials, the CNAME, the msid track ids and the SSRCs of
// sending sections (RFC 3550 §8.1: random).
void prepare_local_state(LocalSessionState& state, Rng& rng);
// Names every section without a mid with the lowest decimal mid not in use ("0", "1", ...), in
// order (RFC 8829 §5.2.1 leaves the choice to the implementation). Stopped sections that were
// never named stay unnamed: they never appear in a description.
void assign_mids(LocalSessionState& state);
// RFC 8445 §9 ICE restart: new credentials, and the candidates of the old generation are dropped
// (gathering starts over).
void restart_ice(LocalSessionState& state, Rng& rng);

}  // namespace tern::peer
