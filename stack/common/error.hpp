#pragma once
// Error and Result<T>: the one error vocabulary of stack/.
//
// An Error is a module-specific code (each module declares `enum class XxxErrc : uint16_t` and an
// ErrorCategory for it), a static string naming the field or rule that failed, and a position (a
// line number for text formats, a byte offset for binary ones). Errors never allocate; to_string()
// is for display only.
#include <cstdint>
#include <new>
#include <string>
#include <type_traits>
#include <utility>

#include "common/assert.hpp"

namespace tern {

// Names a module's error codes; one static instance per module.
struct ErrorCategory {
  const char* module;                       // "sdp", "stun", ...
  const char* (*code_name)(uint16_t code);  // "kMalformedLine", ...
};

// Specialise for each module's enum: `template <> struct ErrcTraits<SdpErrc> { static const
// ErrorCategory& category(); };` (use TERN_DECLARE_ERRC below).
template <class E>
struct ErrcTraits;

// What a position means for the module: 0 means "no position".
class Error {
 public:
  constexpr Error() = default;
  Error(const ErrorCategory& category, uint16_t code, const char* detail, uint32_t position = 0)
      : category_(&category), code_(code), detail_(detail), position_(position) {}

  template <class E, class = decltype(ErrcTraits<E>::category())>
  Error(E code, const char* detail, uint32_t position = 0)
      : Error(ErrcTraits<E>::category(), static_cast<uint16_t>(code), detail, position) {}

  // True when the error is this module's code `code`.
  template <class E>
  bool is(E code) const {
    return category_ == &ErrcTraits<E>::category() && code_ == static_cast<uint16_t>(code);
  }

  const ErrorCategory* category() const { return category_; }
  uint16_t code() const { return code_; }
  const char* detail() const { return detail_ ? detail_ : ""; }
  uint32_t position() const { return position_; }
  Error with_position(uint32_t position) const {
    Error e = *this;
    e.position_ = position;
    return e;
  }

  // "sdp kMalformedLine at 7: a=rtpmap payload type" (allocates; for display and logs).
  std::string to_string() const;

 private:
  const ErrorCategory* category_ = nullptr;
  uint16_t code_ = 0;
  const char* detail_ = nullptr;
  uint32_t position_ = 0;
};

// Value or Error. Accessing the wrong alternative is an internal bug (TERN_ASSERT).
template <class T>
class [[nodiscard]] Result {
 public:
  Result(const T& value) : has_value_(true) { new (&value_) T(value); }
  Result(T&& value) : has_value_(true) { new (&value_) T(std::move(value)); }
  Result(const Error& error) : has_value_(false), error_(error) {}
  template <class E, class = decltype(ErrcTraits<E>::category())>
  Result(E code, const char* detail, uint32_t position = 0)
      : Result(Error(code, detail, position)) {}

  Result(const Result& other) : has_value_(other.has_value_) {
    if (has_value_) new (&value_) T(other.value_); else error_ = other.error_;
  }
  Result(Result&& other) noexcept(std::is_nothrow_move_constructible_v<T>)
      : has_value_(other.has_value_) {
    if (has_value_) new (&value_) T(std::move(other.value_)); else error_ = other.error_;
  }
  Result& operator=(Result other) {
    this->~Result();
    new (this) Result(std::move(other));
    return *this;
  }
  ~Result() {
    if (has_value_) value_.~T();
  }

  bool ok() const { return has_value_; }
  explicit operator bool() const { return has_value_; }

  T& value() & {
    TERN_ASSERT(has_value_, "Result::value() on an error");
    return value_;
  }
  const T& value() const& {
    TERN_ASSERT(has_value_, "Result::value() on an error");
    return value_;
  }
  T&& value() && {
    TERN_ASSERT(has_value_, "Result::value() on an error");
    return std::move(value_);
  }
  const Error& error() const {
    TERN_ASSERT(!has_value_, "Result::error() on a value");
    return error_;
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  bool has_value_;
  union {
    T value_;
    Error error_;
  };
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(const Error& error) : error_(error), has_error_(true) {}
  template <class E, class = decltype(ErrcTraits<E>::category())>
  Result(E code, const char* detail, uint32_t position = 0)
      : Result(Error(code, detail, position)) {}

  bool ok() const { return !has_error_; }
  explicit operator bool() const { return !has_error_; }
  const Error& error() const {
    TERN_ASSERT(has_error_, "Result::error() on success");
    return error_;
  }

 private:
  Error error_;
  bool has_error_ = false;
};

using Status = Result<void>;

}  // namespace tern

// Declares the ErrcTraits specialisation for a module's error enum. Put it after the enum (in the
// enum's header, at global scope); define the category with TERN_DEFINE_ERRC in a .cpp.
#define TERN_DECLARE_ERRC(EnumType)                     \
  template <>                                            \
  struct tern::ErrcTraits<EnumType> {                    \
    static const ::tern::ErrorCategory& category();     \
  }

// Defines the category: `module` is a string literal, `name_fn` maps uint16_t -> const char*.
#define TERN_DEFINE_ERRC(EnumType, module_name, name_fn)                 \
  const ::tern::ErrorCategory& tern::ErrcTraits<EnumType>::category() { \
    static const ::tern::ErrorCategory kCategory{module_name, name_fn}; \
    return kCategory;                                                    \
  }
