#pragma once
// Errors of the I/O layer. A system call failure maps errno to the closest code; the Error's
// position carries the raw errno value (0 when there is none) for logs.
#include <cstdint>

#include "common/error.hpp"

namespace tern::net {

enum class NetErrc : uint16_t {
  kInvalidArgument = 1,   // bad address family, empty port range, ...
  kAddressInUse,          // EADDRINUSE
  kAddressNotAvailable,   // EADDRNOTAVAIL: not a local address (e.g. ::1 with IPv6 disabled)
  kFamilyNotSupported,    // EAFNOSUPPORT: the kernel has no such protocol family
  kPermissionDenied,      // EACCES / EPERM
  kConnectionRefused,     // ECONNREFUSED
  kConnectionReset,       // ECONNRESET / EPIPE
  kUnreachable,           // ENETUNREACH / EHOSTUNREACH
  kMessageTooLong,        // EMSGSIZE
  kWouldBlock,            // EAGAIN on an operation that cannot report "try later" otherwise
  kTimedOut,              // ETIMEDOUT
  kResourceExhausted,     // EMFILE / ENFILE / ENOBUFS / ENOMEM
  kNotConnected,          // ENOTCONN, or a connect that has not completed
  kSystem,                // any other errno
};

// An Error for the current errno (or `err`), with `detail` naming the call that failed.
Error system_error(const char* detail);
Error system_error(int err, const char* detail);

}  // namespace tern::net

TERN_DECLARE_ERRC(tern::net::NetErrc);
