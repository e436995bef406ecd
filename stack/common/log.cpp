#include "common/log.hpp"

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <vector>

namespace tern {
namespace {

void stderr_sink(LogLevel level, const char* module, std::string_view message, void*) {
  std::fprintf(stderr, "[tern %s %s] %.*s\n", log_level_name(level), module,
               static_cast<int>(message.size()), message.data());
}

struct SinkSlot {
  LogSink sink;
  void* context;
};

std::atomic<int> g_level{static_cast<int>(LogLevel::kWarning)};
std::atomic<SinkSlot*> g_sink{nullptr};

// Every slot ever installed stays alive (and reachable) until exit: a logging thread may still be
// using the previous one. Sinks are replaced a handful of times per process at most.
std::mutex g_slots_mutex;
std::vector<std::unique_ptr<SinkSlot>>& installed_slots() {
  static std::vector<std::unique_ptr<SinkSlot>> slots;
  return slots;
}

}  // namespace

void set_log_sink(LogSink sink, void* context) {
  if (!sink) {
    g_sink.store(nullptr);
    return;
  }
  std::lock_guard lock(g_slots_mutex);
  auto& slots = installed_slots();
  slots.push_back(std::make_unique<SinkSlot>(SinkSlot{sink, context}));
  g_sink.store(slots.back().get());
}

void set_log_level(LogLevel level) { g_level.store(static_cast<int>(level)); }
LogLevel log_level() { return static_cast<LogLevel>(g_level.load(std::memory_order_relaxed)); }
bool log_enabled(LogLevel level) {
  return static_cast<int>(level) >= g_level.load(std::memory_order_relaxed) && level != LogLevel::kOff;
}

const char* log_level_name(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace: return "trace";
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarning: return "warning";
    case LogLevel::kError: return "error";
    case LogLevel::kOff: return "off";
  }
  return "?";
}

void log_message(LogLevel level, const char* module, const char* format, ...) {
  char buffer[1024];
  va_list args;
  va_start(args, format);
  int n = std::vsnprintf(buffer, sizeof buffer, format, args);
  va_end(args);
  if (n < 0) return;
  size_t len = static_cast<size_t>(n) < sizeof buffer ? static_cast<size_t>(n) : sizeof buffer - 1;
  SinkSlot* slot = g_sink.load();
  if (slot) slot->sink(level, module, {buffer, len}, slot->context);
  else stderr_sink(level, module, {buffer, len}, nullptr);
}

}  // namespace tern
