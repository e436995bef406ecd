#pragma once
// RTCP error codes (positions are byte offsets into the compound packet).
#include <cstdint>

#include "common/error.hpp"

namespace tern::rtcp {

enum class RtcpErrc : uint16_t {
  kEmpty = 1,            // no bytes at all
  kTruncatedHeader,      // fewer than 4 bytes left for a common header
  kBadVersion,           // V != 2
  kLengthOverrun,        // length field points past the end of the datagram
  kBadPadding,           // P bit set with a padding count of 0 or larger than the packet
  kPaddingNotLast,       // strict compound: P bit on a packet that is not the last one
  kNotReport,            // strict compound: the first packet is not SR or RR
  kTruncatedPacket,      // body shorter than the fixed part of its packet type
  kCountOverrun,         // count field (RC/SC/num SSRC) needs more bytes than the packet holds
  kTrailingBytes,        // bytes left over after the last counted element
  kSdesItemOverrun,      // SDES item length runs past the packet
  kSdesMissingTerminator,// SDES chunk without its null item / 32-bit padding
  kByeReasonOverrun,     // BYE reason length runs past the packet
  kEmptyFci,             // NACK/FIR without a single FCI entry
  kUnexpectedFci,        // PLI with FCI bytes (RFC 4585 §6.3.1: length MUST be 2)
  kTwccChunksTruncated,  // packet status chunks end before the status count is reached
  kTwccDeltasTruncated,  // receive deltas end before every received packet has one
  kTwccReservedSymbol,   // status symbol 11 (reserved)
  kRembBadIdentifier,    // unique identifier is not "REMB"
  kRembBitrateOverflow,  // mantissa << exp does not fit in 64 bits
  kBufferTooSmall,       // serialize: caller buffer too small
  kTooLarge,             // serialize: packet above 65536 words, or a count above its field width
  kInvalidArgument,      // builder input that cannot be encoded (order, text length, ...)
  kDeltaOutOfRange,      // TWCC: receive delta does not fit in 16 signed bits of 250 us
};

// "kBadVersion" etc. (for tests and logs).
const char* rtcp_errc_name(uint16_t code);

}  // namespace tern::rtcp

TERN_DECLARE_ERRC(tern::rtcp::RtcpErrc);
