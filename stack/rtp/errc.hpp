#pragma once
// Error codes of the rtp module (RTP header, RFC 8285 header extensions, typed extensions).
// Positions are byte offsets into the packet (or into the extension block for element errors).
#include <cstdint>

#include "common/error.hpp"

namespace tern::rtp {

enum class RtpErrc : uint16_t {
  // Parsing an RTP packet (RFC 3550 §5.1, §5.3.1).
  kTruncatedHeader = 1,   // fewer than 12 bytes
  kBadVersion,            // V != 2
  kCsrcOverrun,           // CC CSRCs do not fit in the packet
  kExtensionHeaderOverrun,  // X set but the 4-byte extension header does not fit
  kExtensionOverrun,      // the extension length (in words) runs past the packet
  kBadPaddingCount,       // P set but the padding count octet is 0
  kPaddingOverrun,        // padding count larger than what follows the header
  // Iterating RFC 8285 extension elements.
  kUnknownExtensionProfile,  // "defined by profile" is neither 0xBEDE nor 0x100X
  kExtensionElementOverrun,  // an element's length runs past the extension block
  kBadExtensionId,           // one-byte form: ID 0 with a non-zero length
  // Building packets and extension blocks.
  kBufferTooSmall,        // the caller's buffer cannot hold the packet
  kTooManyCsrcs,          // more than 15 CSRCs
  kBadPayloadType,        // payload type > 127
  kExtensionTooLarge,     // extension block longer than 65535 words
  kBadExtensionElement,   // id 0, id > 255, or data longer than 255 bytes
  kTwoByteNotAllowed,     // an element needs the two-byte form but the policy forbids it
  kBadExtensionLength,    // raw extension data is not a multiple of 4 bytes
  // Typed extension payloads.
  kBadExtensionValue,     // a typed extension has the wrong size or bad characters
};

}  // namespace tern::rtp

TERN_DECLARE_ERRC(tern::rtp::RtpErrc);
