#include "turn/config.hpp"

namespace tern::turn {

const char* server_transport_name(ServerTransport transport) {
  switch (transport) {
    case ServerTransport::kUdp: return "udp";
    case ServerTransport::kTcp: return "tcp";
    case ServerTransport::kTls: return "tls";
  }
  return "unknown";
}

}  // namespace tern::turn
