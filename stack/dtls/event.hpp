#pragma once
// What a DTLS connection tells the layer above (drained with Connection::poll_event()).
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "common/error.hpp"
#include "dtls/alert.hpp"
#include "dtls/cipher_suite.hpp"
#include "dtls/use_srtp.hpp"

namespace tern::dtls {

// The handshake finished; application data may flow and keys may be exported.
struct HandshakeComplete {
  CipherSuite cipher_suite = CipherSuite::kEcdheEcdsaAes128GcmSha256;
  std::optional<SrtpProfile> srtp_profile;  // nullopt when use_srtp was not negotiated
  bool extended_master_secret = false;
};

// Decrypted application data (one record).
struct ApplicationData {
  std::vector<uint8_t> data;
};

// The peer closed the connection with close_notify (we answered with our own).
struct Closed {};

// The connection failed: a fatal alert was sent or received, the handshake timed out, or the
// peer's certificate did not match. `error` names the cause (DtlsErrc).
struct Failed {
  Error error;
  std::optional<Alert> alert_sent;
  std::optional<Alert> alert_received;
};

using Event = std::variant<HandshakeComplete, ApplicationData, Closed, Failed>;

}  // namespace tern::dtls
