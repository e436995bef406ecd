#pragma once
// Logging: one process-wide sink that embedders can replace. Messages below the level are not
// formatted at all, so a disabled TERN_LOG costs one comparison.
#include <cstdarg>
#include <string_view>

namespace tern {

enum class LogLevel : int { kTrace = 0, kDebug = 1, kInfo = 2, kWarning = 3, kError = 4, kOff = 5 };

// A sink receives the module name ("stun", "ice", ...) and the formatted message (no newline).
// It may be called from any event-loop thread; it must be thread-safe.
using LogSink = void (*)(LogLevel level, const char* module, std::string_view message, void* context);

// Replaces the sink (nullptr restores the default, which writes to stderr) and its context.
void set_log_sink(LogSink sink, void* context);
// Messages below `level` are dropped (default: kWarning).
void set_log_level(LogLevel level);
LogLevel log_level();
bool log_enabled(LogLevel level);
const char* log_level_name(LogLevel level);

// printf-style; formats into a bounded stack buffer (long messages are truncated, never allocated).
void log_message(LogLevel level, const char* module, const char* format, ...)
    __attribute__((format(printf, 3, 4)));

}  // namespace tern

#define TERN_LOG(level, module, ...)                                      \
  do {                                                                    \
    if (::tern::log_enabled(level)) ::tern::log_message(level, module, __VA_ARGS__); \
  } while (false)
