// Logging: sink replacement, level filtering (without formatting filtered messages), truncation.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "common/log.hpp"

using tern::LogLevel;

namespace {

struct Captured {
  LogLevel level;
  std::string module;
  std::string message;
};

struct Capture {
  std::vector<Captured> lines;
};

void capture_sink(LogLevel level, const char* module, std::string_view message, void* context) {
  static_cast<Capture*>(context)->lines.push_back({level, module, std::string(message)});
}

// Installs the capture sink for one test and restores the process defaults afterwards.
struct ScopedCapture {
  Capture capture;
  explicit ScopedCapture(LogLevel level) {
    tern::set_log_sink(&capture_sink, &capture);
    tern::set_log_level(level);
  }
  ~ScopedCapture() {
    tern::set_log_sink(nullptr, nullptr);
    tern::set_log_level(LogLevel::kWarning);
  }
};

}  // namespace

TEST_CASE("log: the default level is kWarning", "[log]") {
  CHECK(tern::log_level() == LogLevel::kWarning);
  CHECK(tern::log_enabled(LogLevel::kError));
  CHECK(tern::log_enabled(LogLevel::kWarning));
  CHECK_FALSE(tern::log_enabled(LogLevel::kInfo));
}

TEST_CASE("log: a replaced sink receives level, module and the formatted message", "[log]") {
  ScopedCapture scope(LogLevel::kInfo);
  TERN_LOG(LogLevel::kWarning, "stun", "bad attribute 0x%04x at %d", 0x8028, 20);
  TERN_LOG(LogLevel::kInfo, "ice", "pair %s", "nominated");
  REQUIRE(scope.capture.lines.size() == 2);
  CHECK(scope.capture.lines[0].level == LogLevel::kWarning);
  CHECK(scope.capture.lines[0].module == "stun");
  CHECK(scope.capture.lines[0].message == "bad attribute 0x8028 at 20");
  CHECK(scope.capture.lines[1].level == LogLevel::kInfo);
  CHECK(scope.capture.lines[1].module == "ice");
  CHECK(scope.capture.lines[1].message == "pair nominated");
}

TEST_CASE("log: messages below the level are dropped without being formatted", "[log]") {
  ScopedCapture scope(LogLevel::kInfo);
  int evaluated = 0;
  TERN_LOG(LogLevel::kDebug, "sctp", "%d", ++evaluated);
  TERN_LOG(LogLevel::kTrace, "sctp", "%d", ++evaluated);
  CHECK(evaluated == 0);  // the arguments were not even evaluated
  CHECK(scope.capture.lines.empty());
  TERN_LOG(LogLevel::kError, "sctp", "%d", ++evaluated);
  CHECK(evaluated == 1);
  REQUIRE(scope.capture.lines.size() == 1);
  CHECK(scope.capture.lines[0].message == "1");

  tern::set_log_level(LogLevel::kTrace);
  CHECK(tern::log_level() == LogLevel::kTrace);
  TERN_LOG(LogLevel::kTrace, "sctp", "now visible");
  CHECK(scope.capture.lines.size() == 2);
}

TEST_CASE("log: kOff silences everything", "[log]") {
  ScopedCapture scope(LogLevel::kOff);
  TERN_LOG(LogLevel::kError, "dtls", "dropped");
  CHECK_FALSE(tern::log_enabled(LogLevel::kError));
  CHECK_FALSE(tern::log_enabled(LogLevel::kOff));
  CHECK(scope.capture.lines.empty());
}

TEST_CASE("log: long messages are truncated, not allocated", "[log]") {
  ScopedCapture scope(LogLevel::kTrace);
  const std::string long_text(5000, 'x');
  tern::log_message(LogLevel::kInfo, "rtp", "%s", long_text.c_str());
  REQUIRE(scope.capture.lines.size() == 1);
  CHECK(scope.capture.lines[0].message.size() == 1023);  // the 1 KiB buffer less its NUL
  CHECK(scope.capture.lines[0].message == long_text.substr(0, 1023));
}

TEST_CASE("log: the sink can be replaced again, and the context is passed through", "[log]") {
  ScopedCapture first(LogLevel::kWarning);
  Capture second;
  tern::set_log_sink(&capture_sink, &second);
  TERN_LOG(LogLevel::kError, "peer", "to the second sink");
  CHECK(first.capture.lines.empty());
  REQUIRE(second.lines.size() == 1);
  CHECK(second.lines[0].message == "to the second sink");
}

TEST_CASE("log: level names", "[log]") {
  CHECK(std::string(tern::log_level_name(LogLevel::kTrace)) == "trace");
  CHECK(std::string(tern::log_level_name(LogLevel::kDebug)) == "debug");
  CHECK(std::string(tern::log_level_name(LogLevel::kInfo)) == "info");
  CHECK(std::string(tern::log_level_name(LogLevel::kWarning)) == "warning");
  CHECK(std::string(tern::log_level_name(LogLevel::kError)) == "error");
  CHECK(std::string(tern::log_level_name(LogLevel::kOff)) == "off");
}
