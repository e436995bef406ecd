#pragma once
// Every chunk type as one variant, for code that handles chunks generically (the packet dump,
// the fuzz target, tests). The association dispatches on RawChunk::type instead.
#include <variant>

#include "sctp/chunk.hpp"
#include "sctp/chunks/abort_chunk.hpp"
#include "sctp/chunks/cookie_ack_chunk.hpp"
#include "sctp/chunks/cookie_echo_chunk.hpp"
#include "sctp/chunks/data_chunk.hpp"
#include "sctp/chunks/error_chunk.hpp"
#include "sctp/chunks/forward_tsn_chunk.hpp"
#include "sctp/chunks/heartbeat_chunk.hpp"
#include "sctp/chunks/idata_chunk.hpp"
#include "sctp/chunks/iforward_tsn_chunk.hpp"
#include "sctp/chunks/init_ack_chunk.hpp"
#include "sctp/chunks/init_chunk.hpp"
#include "sctp/chunks/reconfig_chunk.hpp"
#include "sctp/chunks/sack_chunk.hpp"
#include "sctp/chunks/shutdown_ack_chunk.hpp"
#include "sctp/chunks/shutdown_chunk.hpp"
#include "sctp/chunks/shutdown_complete_chunk.hpp"

namespace tern::sctp {

using AnyChunk = std::variant<DataChunk, InitChunk, InitAckChunk, SackChunk, HeartbeatRequestChunk,
                              HeartbeatAckChunk, AbortChunk, ShutdownChunk, ShutdownAckChunk, ErrorChunk,
                              CookieEchoChunk, CookieAckChunk, ShutdownCompleteChunk, IDataChunk, ReconfigChunk,
                              ForwardTsnChunk, IForwardTsnChunk, UnknownChunk>;

// Decodes a chunk by its type; unknown types become UnknownChunk. Errors: those of each type's
// parse().
Result<AnyChunk> parse_any_chunk(const RawChunk& chunk);
size_t serialized_size(const AnyChunk& chunk);
void serialize(const AnyChunk& chunk, ByteWriter& writer);

}  // namespace tern::sctp
