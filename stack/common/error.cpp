#include "common/error.hpp"

#include <cstdio>
#include <cstdlib>

namespace tern {

std::string Error::to_string() const {
  if (!category_) return "no error";
  std::string out = category_->module;
  out += ' ';
  out += category_->code_name(code_);
  if (position_ != 0) {
    out += " at ";
    out += std::to_string(position_);
  }
  if (detail_ && *detail_) {
    out += ": ";
    out += detail_;
  }
  return out;
}

namespace detail {
void assert_failed(const char* condition, const char* why, const char* file, int line) {
  std::fprintf(stderr, "tern: internal invariant broken at %s:%d: %s (%s)\n", file, line, why, condition);
  std::abort();
}
}  // namespace detail

}  // namespace tern
