#include "net/fd.hpp"

#include <unistd.h>

namespace tern::net {

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);  // Linux: the descriptor is released even when close() fails
  fd_ = fd;
}

}  // namespace tern::net
