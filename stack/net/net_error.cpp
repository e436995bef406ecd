#include "net/net_error.hpp"

#include <cerrno>

namespace {

const char* net_errc_name(uint16_t code) {
  using tern::net::NetErrc;
  switch (static_cast<NetErrc>(code)) {
    case NetErrc::kInvalidArgument: return "kInvalidArgument";
    case NetErrc::kAddressInUse: return "kAddressInUse";
    case NetErrc::kAddressNotAvailable: return "kAddressNotAvailable";
    case NetErrc::kFamilyNotSupported: return "kFamilyNotSupported";
    case NetErrc::kPermissionDenied: return "kPermissionDenied";
    case NetErrc::kConnectionRefused: return "kConnectionRefused";
    case NetErrc::kConnectionReset: return "kConnectionReset";
    case NetErrc::kUnreachable: return "kUnreachable";
    case NetErrc::kMessageTooLong: return "kMessageTooLong";
    case NetErrc::kWouldBlock: return "kWouldBlock";
    case NetErrc::kTimedOut: return "kTimedOut";
    case NetErrc::kResourceExhausted: return "kResourceExhausted";
    case NetErrc::kNotConnected: return "kNotConnected";
    case NetErrc::kSystem: return "kSystem";
  }
  return "unknown";
}

}  // namespace

TERN_DEFINE_ERRC(tern::net::NetErrc, "net", net_errc_name)

namespace tern::net {

Error system_error(int err, const char* detail) {
  NetErrc code = NetErrc::kSystem;
  switch (err) {
    case EINVAL: code = NetErrc::kInvalidArgument; break;
    case EADDRINUSE: code = NetErrc::kAddressInUse; break;
    case EADDRNOTAVAIL: code = NetErrc::kAddressNotAvailable; break;
    case EAFNOSUPPORT:
    case EPFNOSUPPORT:
    case EPROTONOSUPPORT: code = NetErrc::kFamilyNotSupported; break;
    case EACCES:
    case EPERM: code = NetErrc::kPermissionDenied; break;
    case ECONNREFUSED: code = NetErrc::kConnectionRefused; break;
    case ECONNRESET:
    case EPIPE: code = NetErrc::kConnectionReset; break;
    case ENETUNREACH:
    case EHOSTUNREACH: code = NetErrc::kUnreachable; break;
    case EMSGSIZE: code = NetErrc::kMessageTooLong; break;
    case EAGAIN: code = NetErrc::kWouldBlock; break;
    case ETIMEDOUT: code = NetErrc::kTimedOut; break;
    case EMFILE:
    case ENFILE:
    case ENOBUFS:
    case ENOMEM: code = NetErrc::kResourceExhausted; break;
    case ENOTCONN: code = NetErrc::kNotConnected; break;
    default: break;
  }
  return Error(code, detail, static_cast<uint32_t>(err));
}

Error system_error(const char* detail) { return system_error(errno, detail); }

}  // namespace tern::net
