#pragma once
// tern/error.hpp: the error type of the public API, and RtcResult<T> (a value or an RtcError).
//
// Modelled on W3C RTCError / DOMException: a code naming the kind of failure (the DOMException
// name or the RTCErrorDetailType a browser would report), a human-readable message, and the
// optional detail fields RTCError carries (sdp_line_number for SDP errors, sctp_cause_code for
// SCTP aborts). Unlike the protocol layers, the public API may allocate for the message.
//
// Nothing here is thread-affine: errors are plain values.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace tern {

// What went wrong. Each code says what the caller should do.
enum class RtcErrorCode : uint8_t {
  // DOMException names (webrtc-pc §4.4.1 and friends).
  kInvalidState,         // "InvalidStateError": the call is not valid in the current state (e.g.
                         // set_remote_description(answer) in "stable", any call after close()).
                         // Fix the call order.
  kInvalidAccess,        // "InvalidAccessError": the description contradicts the session (e.g. an
                         // answer whose m= lines do not match the offer). Fix the SDP.
  kInvalidModification,  // "InvalidModificationError": a configuration change that cannot be made
                         // on a live connection (e.g. changing certificates).
  kSyntax,               // "SyntaxError": malformed input (an SDP line, a candidate string, a URL).
  kInvalidParameter,     // "TypeError" / "RangeError": an argument out of range (e.g. both
                         // max_retransmits and max_packet_life_time, a data channel id > 65534).
  kNotSupported,         // "NotSupportedError": valid but not implemented by tern.
  kOperation,            // "OperationError": an operation failed for a reason outside the caller's
                         // control (e.g. no socket could be bound, certificate generation failed).
  // RTCErrorDetailType values (webrtc-pc §11.1): failures of a live connection.
  kSdpSyntax,            // "sdp-syntax-error": the SDP did not parse; sdp_line_number says where.
  kDtlsFailure,          // "dtls-failure": the DTLS handshake failed or a fatal alert arrived.
  kFingerprintFailure,   // "fingerprint-failure": the remote certificate does not match a=fingerprint.
  kSctpFailure,          // "sctp-failure": the SCTP association failed; sctp_cause_code may be set.
  kDataChannelFailure,   // "data-channel-failure": DCEP negotiation failed or a send was refused
                         // (e.g. a message larger than the remote a=max-message-size).
};

// The W3C spelling: "InvalidStateError", ..., "sdp-syntax-error", ...
constexpr std::string_view to_string(RtcErrorCode code) {
  switch (code) {
    case RtcErrorCode::kInvalidState: return "InvalidStateError";
    case RtcErrorCode::kInvalidAccess: return "InvalidAccessError";
    case RtcErrorCode::kInvalidModification: return "InvalidModificationError";
    case RtcErrorCode::kSyntax: return "SyntaxError";
    case RtcErrorCode::kInvalidParameter: return "TypeError";
    case RtcErrorCode::kNotSupported: return "NotSupportedError";
    case RtcErrorCode::kOperation: return "OperationError";
    case RtcErrorCode::kSdpSyntax: return "sdp-syntax-error";
    case RtcErrorCode::kDtlsFailure: return "dtls-failure";
    case RtcErrorCode::kFingerprintFailure: return "fingerprint-failure";
    case RtcErrorCode::kSctpFailure: return "sctp-failure";
    case RtcErrorCode::kDataChannelFailure: return "data-channel-failure";
  }
  return "unknown";
}

// An error reported by the public API. Cheap to copy; the message is for people, the code for code.
struct RtcError {
  RtcErrorCode code = RtcErrorCode::kOperation;
  std::string message;                      // e.g. "sdp kMissingIceCredentials at 8: ..."
  std::optional<uint32_t> sdp_line_number;  // 1-based line of the SDP text, when the SDP is at fault
  std::optional<uint16_t> sctp_cause_code;  // RFC 9260 §3.3.10 cause, for kSctpFailure

  // "InvalidStateError: set_remote_description(answer) in state stable".
  std::string to_string() const {
    std::string out(tern::to_string(code));
    if (!message.empty()) {
      out += ": ";
      out += message;
    }
    return out;
  }
  bool operator==(const RtcError&) const = default;
};

namespace detail {
// Reading the wrong alternative of an RtcResult is a bug in the caller: report it and abort (tern
// does not throw).
[[noreturn]] inline void bad_result_access(const char* what) {
  std::fprintf(stderr, "tern: RtcResult::%s on the wrong alternative\n", what);
  std::abort();
}
}  // namespace detail

// A value of type T, or an RtcError. Check ok() first: value() on an error (or error() on a value)
// is a bug in the caller and aborts with a message.
template <class T>
class [[nodiscard]] RtcResult {
 public:
  RtcResult(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  RtcResult(RtcError error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return *checked_value(); }
  const T& value() const& { return *checked_value(); }
  T&& value() && { return std::move(*checked_value()); }
  // The value, or `fallback` when this holds an error.
  T value_or(T fallback) const& { return ok() ? *checked_value() : std::move(fallback); }
  const RtcError& error() const {
    const RtcError* e = std::get_if<1>(&v_);
    if (e == nullptr) detail::bad_result_access("error()");
    return *e;
  }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  T* checked_value() {
    T* v = std::get_if<0>(&v_);
    if (v == nullptr) detail::bad_result_access("value()");
    return v;
  }
  const T* checked_value() const {
    const T* v = std::get_if<0>(&v_);
    if (v == nullptr) detail::bad_result_access("value()");
    return v;
  }

  std::variant<T, RtcError> v_;
};

// Success or an RtcError.
template <>
class [[nodiscard]] RtcResult<void> {
 public:
  RtcResult() = default;
  RtcResult(RtcError error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const RtcError& error() const {
    if (!error_) detail::bad_result_access("error()");
    return *error_;
  }

 private:
  std::optional<RtcError> error_;
};

using RtcStatus = RtcResult<void>;

}  // namespace tern
