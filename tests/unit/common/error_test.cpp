// Error and Result<T>: module categories, is(), to_string(), positions, value/error lifetimes.
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>

#include "common/error.hpp"
#include "common/hex.hpp"

namespace tern::test {
enum class WidgetErrc : uint16_t { kTooShort = 1, kBadDigit = 2 };
const char* widget_errc_name(uint16_t code) {
  switch (static_cast<WidgetErrc>(code)) {
    case WidgetErrc::kTooShort: return "kTooShort";
    case WidgetErrc::kBadDigit: return "kBadDigit";
  }
  return "unknown";
}
}  // namespace tern::test

TERN_DECLARE_ERRC(tern::test::WidgetErrc);
TERN_DEFINE_ERRC(tern::test::WidgetErrc, "widget", tern::test::widget_errc_name)

using tern::Error;
using tern::HexErrc;
using tern::Result;
using tern::Status;
using tern::test::WidgetErrc;

namespace {

Result<int> parse_digit(char c, uint32_t position) {
  if (c < '0' || c > '9') return Error(WidgetErrc::kBadDigit, "digit", position);
  return c - '0';
}

// Counts live instances, to check Result constructs and destroys its value exactly once.
struct Tracked {
  static inline int live = 0;
  int v;
  explicit Tracked(int x) : v(x) { ++live; }
  Tracked(const Tracked& o) : v(o.v) { ++live; }
  Tracked(Tracked&& o) noexcept : v(o.v) { ++live; }
  Tracked& operator=(const Tracked&) = default;
  ~Tracked() { --live; }
};

}  // namespace

TEST_CASE("Error: code, detail, position and category", "[error]") {
  const Error e(WidgetErrc::kTooShort, "header length", 12);
  CHECK(e.is(WidgetErrc::kTooShort));
  CHECK_FALSE(e.is(WidgetErrc::kBadDigit));
  CHECK(e.code() == 1);
  CHECK(std::string(e.detail()) == "header length");
  CHECK(e.position() == 12);
  REQUIRE(e.category() != nullptr);
  CHECK(std::string(e.category()->module) == "widget");
  // Same numeric code, different module: not the same error.
  CHECK_FALSE(Error(WidgetErrc::kBadDigit, "x").is(HexErrc::kBadDigit));
  CHECK(Error(HexErrc::kBadDigit, "x").is(HexErrc::kBadDigit));
  CHECK(static_cast<uint16_t>(WidgetErrc::kBadDigit) == static_cast<uint16_t>(HexErrc::kBadDigit));
}

TEST_CASE("Error: to_string() for display", "[error]") {
  CHECK(Error(WidgetErrc::kBadDigit, "a=rtpmap payload type", 7).to_string() ==
        "widget kBadDigit at 7: a=rtpmap payload type");
  CHECK(Error(WidgetErrc::kTooShort, "header").to_string() == "widget kTooShort: header");  // no position
  CHECK(Error(WidgetErrc::kTooShort, "").to_string() == "widget kTooShort");
  CHECK(Error(WidgetErrc::kTooShort, nullptr, 3).to_string() == "widget kTooShort at 3");
  CHECK(Error().to_string() == "no error");
  CHECK(std::string(Error().detail()).empty());
  CHECK_FALSE(Error().is(WidgetErrc::kTooShort));
}

TEST_CASE("Error: with_position() copies with a new position", "[error]") {
  const Error e(WidgetErrc::kTooShort, "length", 4);
  const Error moved = e.with_position(40);
  CHECK(moved.position() == 40);
  CHECK(e.position() == 4);
  CHECK(moved.is(WidgetErrc::kTooShort));
  CHECK(std::string(moved.detail()) == "length");
}

TEST_CASE("Result<T>: value or error", "[error]") {
  Result<int> ok = parse_digit('7', 1);
  REQUIRE(ok.ok());
  CHECK(static_cast<bool>(ok));
  CHECK(ok.value() == 7);
  CHECK(*ok == 7);

  Result<int> bad = parse_digit('x', 9);
  REQUIRE_FALSE(bad.ok());
  CHECK_FALSE(static_cast<bool>(bad));
  CHECK(bad.error().is(WidgetErrc::kBadDigit));
  CHECK(bad.error().position() == 9);
  CHECK(std::string(bad.error().detail()) == "digit");

  // Built from (code, detail, position) directly.
  Result<std::string> r(WidgetErrc::kTooShort, "name", 2);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().is(WidgetErrc::kTooShort));
  CHECK(r.error().position() == 2);
}

TEST_CASE("Result<T>: copies, moves and assignment keep value and error intact", "[error]") {
  Result<std::string> a = std::string("hello");
  Result<std::string> b = a;  // copy
  CHECK(*a == "hello");
  CHECK(*b == "hello");
  CHECK(b->size() == 5);
  Result<std::string> c = std::move(b);
  CHECK(*c == "hello");
  std::string taken = *std::move(c);
  CHECK(taken == "hello");

  Result<std::string> e = Error(WidgetErrc::kTooShort, "x");
  e = a;  // error -> value
  REQUIRE(e.ok());
  CHECK(*e == "hello");
  e = Error(WidgetErrc::kBadDigit, "y", 3);  // value -> error
  REQUIRE_FALSE(e.ok());
  CHECK(e.error().is(WidgetErrc::kBadDigit));
  Result<std::string> f = e;  // copy of an error
  CHECK(f.error().position() == 3);
}

TEST_CASE("Result<T>: owns exactly one value", "[error]") {
  Tracked::live = 0;
  {
    Result<Tracked> r = Tracked(5);
    CHECK(Tracked::live == 1);
    Result<Tracked> copy = r;
    CHECK(Tracked::live == 2);
    copy = Error(WidgetErrc::kTooShort, "gone");
    CHECK(Tracked::live == 1);
    Result<Tracked> err = Error(WidgetErrc::kTooShort, "never a value");
    CHECK(Tracked::live == 1);
    err = r;
    CHECK(Tracked::live == 2);
    CHECK(err->v == 5);
  }
  CHECK(Tracked::live == 0);
  // Move-only values work too.
  Result<std::unique_ptr<int>> p = std::make_unique<int>(3);
  REQUIRE(p.ok());
  std::unique_ptr<int> owned = *std::move(p);
  CHECK(*owned == 3);
}

TEST_CASE("Status: success by default, or an error", "[error]") {
  Status s;
  CHECK(s.ok());
  CHECK(static_cast<bool>(s));
  Status failed = Error(WidgetErrc::kTooShort, "chunk", 8);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.error().is(WidgetErrc::kTooShort));
  CHECK(failed.error().position() == 8);
  Status direct(WidgetErrc::kBadDigit, "z");
  CHECK(direct.error().is(WidgetErrc::kBadDigit));
  CHECK(direct.error().to_string() == "widget kBadDigit: z");
}
