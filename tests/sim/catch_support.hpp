#pragma once
// Catch2 printers for the common value types, so failed CHECKs show "12.5ms" instead of "{?}".
// Header-only; include it from test files (the sim library itself does not depend on Catch2).
#include <catch2/catch.hpp>

#include <string>

#include "common/socket_address.hpp"
#include "common/time.hpp"

namespace Catch {

template <>
struct StringMaker<tern::Duration> {
  static std::string convert(const tern::Duration& d) { return std::to_string(d.as_micros()) + "us"; }
};
template <>
struct StringMaker<tern::Timestamp> {
  static std::string convert(const tern::Timestamp& t) {
    return "t=" + std::to_string(t.as_micros()) + "us";
  }
};
template <>
struct StringMaker<tern::IpAddress> {
  static std::string convert(const tern::IpAddress& a) { return a.to_string(); }
};
template <>
struct StringMaker<tern::SocketAddress> {
  static std::string convert(const tern::SocketAddress& a) { return a.to_string(); }
};

}  // namespace Catch
