#include "ice/foundation.hpp"

#include <algorithm>

namespace tern::ice {

std::string FoundationRegistry::foundation(CandidateType type, const IpAddress& base,
                                           const std::optional<IpAddress>& server, TransportProtocol transport) {
  const Key key{type, base, server, transport};
  auto it = std::find(keys_.begin(), keys_.end(), key);
  if (it == keys_.end()) {
    keys_.push_back(key);
    it = keys_.end() - 1;
  }
  return std::to_string(static_cast<size_t>(it - keys_.begin()) + 1);
}

std::string pair_foundation(const std::string& local, const std::string& remote) {
  std::string out;
  out.reserve(local.size() + 1 + remote.size());
  out += local;
  out += ':';
  out += remote;
  return out;
}

}  // namespace tern::ice
