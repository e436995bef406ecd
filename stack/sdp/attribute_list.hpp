#pragma once
// The a= lines of one level of a session description (the session, or one media section), kept
// in order as (name, value) pairs so that attributes this module does not know survive a round
// trip untouched. Typed access parses the known attributes on demand; typed builders serialize
// them back into the list.
//
//   a=<name>            a flag attribute ("a=rtcp-mux"): value is empty
//   a=<name>:<value>    a value attribute ("a=mid:0"): value is everything after the first ':'
//
// parse() (session_description.hpp) checks every known attribute with the typed parsers, so on a
// parsed description the typed accessors see only valid values. On a hand-built list an
// attribute whose value does not parse is skipped by the accessors.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "sdp/candidate.hpp"
#include "sdp/direction.hpp"
#include "sdp/errc.hpp"
#include "sdp/extmap.hpp"
#include "sdp/fingerprint.hpp"
#include "sdp/fmtp.hpp"
#include "sdp/group.hpp"
#include "sdp/ice.hpp"
#include "sdp/msid.hpp"
#include "sdp/rid.hpp"
#include "sdp/rtcp_attribute.hpp"
#include "sdp/rtcp_fb.hpp"
#include "sdp/rtpmap.hpp"
#include "sdp/sctp.hpp"
#include "sdp/setup.hpp"
#include "sdp/simulcast.hpp"
#include "sdp/ssrc.hpp"

namespace tern::sdp {

inline constexpr std::string_view kRtcpMuxAttribute = "rtcp-mux";      // RFC 5761 §5.1.1
inline constexpr std::string_view kRtcpRsizeAttribute = "rtcp-rsize";  // RFC 5506 §5
inline constexpr std::string_view kBundleOnlyAttribute = "bundle-only";  // RFC 9143 §6

struct Attribute {
  std::string name;   // RFC 8866 §9 attribute-name = token
  std::string value;  // byte-string; empty for a flag attribute
  bool operator==(const Attribute&) const = default;
};

// Checks one attribute the way parse() does: the name is a token; flag attributes this module
// knows (rtcp-mux, sendrecv, ...) carry no value; value attributes it knows carry one that their
// typed parser accepts (the error is that parser's, e.g. kBadRtpmap). Unknown names pass.
Status validate_attribute(std::string_view name, std::string_view value);

struct AttributeList {
  std::vector<Attribute> attributes;

  // --- Raw access -------------------------------------------------------------------------------
  // The value of the first attribute called `name` ("" for a flag), or nullopt when absent.
  std::optional<std::string_view> attribute(std::string_view name) const;
  // The values of every attribute called `name`, in order.
  std::vector<std::string_view> attribute_values(std::string_view name) const;
  bool has_attribute(std::string_view name) const;
  // Appends "a=<name>[:<value>]". The caller keeps name a token and value free of CR/LF/NUL.
  void add_attribute(std::string_view name, std::string_view value = {});
  // Replaces the value of the first attribute called `name`, or appends one.
  void set_attribute(std::string_view name, std::string_view value = {});
  // Removes every attribute called `name`; returns how many were removed.
  size_t remove_attributes(std::string_view name);
  // Appends a typed attribute: add(Rtpmap{111, "opus", 48000, 2}) -> "a=rtpmap:111 opus/48000/2".
  template <class T>
  void add(const T& typed) {
    add_attribute(T::kAttributeName, serialize(typed));
  }

  // --- Typed access (attributes whose value does not parse are skipped) -------------------------
  std::vector<Group> groups() const;
  // The first a=group with these semantics, e.g. group("BUNDLE").
  std::optional<Group> group(std::string_view semantics) const;
  std::optional<MsidSemantic> msid_semantic() const;
  std::optional<std::string_view> mid() const;
  std::vector<Msid> msids() const;
  std::optional<std::string_view> ice_ufrag() const;
  std::optional<std::string_view> ice_pwd() const;
  std::optional<IceOptions> ice_options() const;
  bool ice_lite() const { return has_attribute(kIceLiteAttribute); }
  std::vector<Fingerprint> fingerprints() const;
  std::optional<SetupRole> setup() const;
  std::optional<RtcpAttribute> rtcp() const;
  bool rtcp_mux() const { return has_attribute(kRtcpMuxAttribute); }
  bool rtcp_rsize() const { return has_attribute(kRtcpRsizeAttribute); }
  std::vector<Rtpmap> rtpmaps() const;
  std::optional<Rtpmap> rtpmap(uint8_t payload_type) const;
  std::vector<Fmtp> fmtps() const;
  // The a=fmtp for a format ("111"), if any.
  std::optional<Fmtp> fmtp(std::string_view format) const;
  std::vector<RtcpFb> rtcp_fbs() const;
  // The feedback that applies to one payload type: its own lines and the "*" lines.
  std::vector<RtcpFb> rtcp_fbs(uint8_t payload_type) const;
  std::vector<Extmap> extmaps() const;
  bool extmap_allow_mixed() const { return has_attribute(kExtmapAllowMixedAttribute); }
  std::vector<SsrcAttribute> ssrcs() const;
  std::vector<SsrcGroup> ssrc_groups() const;
  std::vector<Rid> rids() const;
  std::optional<Simulcast> simulcast() const;
  std::optional<uint16_t> sctp_port() const;
  std::optional<uint64_t> max_message_size() const;
  std::optional<Sctpmap> sctpmap() const;
  std::vector<Candidate> candidates() const;
  bool end_of_candidates() const { return has_attribute(kEndOfCandidatesAttribute); }
  // The first direction attribute; nullopt when none (RFC 8866 §6.7: sendrecv is the default).
  std::optional<Direction> direction() const;
  bool bundle_only() const { return has_attribute(kBundleOnlyAttribute); }

  // --- Typed builders for single-valued attributes (replace in place, or append) ----------------
  void set_direction(Direction direction);  // replaces any of the four direction flags
  void set_setup(SetupRole role) { set_attribute(kSetupAttribute, setup_role_name(role)); }
  void set_mid(std::string_view mid) { set_attribute(kMidAttribute, mid); }
  void set_ice_ufrag(std::string_view ufrag) { set_attribute(kIceUfragAttribute, ufrag); }
  void set_ice_pwd(std::string_view pwd) { set_attribute(kIcePwdAttribute, pwd); }
  void set_sctp_port(uint16_t port);
  void set_max_message_size(uint64_t size);
  void set_flag(std::string_view name, bool on);  // adds or removes a flag attribute

  bool operator==(const AttributeList&) const = default;
};

}  // namespace tern::sdp
