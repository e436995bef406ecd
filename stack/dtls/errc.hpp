#pragma once
// Error codes of the DTLS module (RFC 6347). Parsers return them for malformed input; the
// connection reports them in Failed events.
#include <cstdint>

#include "common/error.hpp"

namespace tern::dtls {

enum class DtlsErrc : uint16_t {
  kTruncated = 1,         // input ends inside a field
  kBadLength,             // a length field disagrees with the data around it
  kBadVersion,            // protocol version other than DTLS 1.0/1.2
  kBadContentType,        // unknown record content type
  kBadValue,              // a field holds a value the spec forbids
  kTooLarge,              // a length exceeds a bound (spec or tern's own cap)
  kTrailingData,          // bytes left after a complete structure
  kDuplicateExtension,    // an extension type appears twice
  kDecryptFailed,         // AEAD tag did not verify (RFC 6347 §4.1.2.7: dropped)
  kReplayed,              // record sequence number already seen (§4.1.2.6)
  kWrongEpoch,            // record from an epoch with no keys
  kUnexpectedMessage,     // handshake message out of place
  kHandshakeFailure,      // no shared cipher suite / group / signature algorithm
  kIllegalParameter,      // a peer's choice is not one we offered
  kUnsupportedExtension,  // server sent an extension the client did not offer
  kBadCertificate,        // certificate does not parse or fingerprint mismatch
  kBadSignature,          // ServerKeyExchange / CertificateVerify signature invalid
  kBadFinished,           // Finished verify_data mismatch
  kFingerprintMismatch,   // peer certificate does not match the SDP a=fingerprint
  kHandshakeTimeout,      // retransmissions exhausted (RFC 6347 §4.2.4)
  kAlertReceived,         // the peer sent a fatal alert
  kNotConnected,          // API call that needs an established connection
  kClosed,                // the connection is closed or failed
  kBadConfig,             // the Config is unusable (public API misuse)
  kInternal,              // a crypto primitive failed unexpectedly
};

// "kTruncated", ...
const char* dtls_errc_name(uint16_t code);

}  // namespace tern::dtls

TERN_DECLARE_ERRC(tern::dtls::DtlsErrc);
