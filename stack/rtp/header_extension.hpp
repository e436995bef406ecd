#pragma once
// RFC 8285 header extension elements inside the RTP header extension block (RFC 3550 §5.3.1).
//
// The block RFC 3550 §5.3.1 defines (present when the X bit is set):
//
//    0                   1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +---------------------------------------------------------------+
//   |      defined by profile       |   length (32-bit words)       |
//   +---------------------------------------------------------------+
//   |                   extension data (length * 4 bytes)           |
//   +---------------------------------------------------------------+
//
// One-byte form (RFC 8285 §4.2), "defined by profile" = 0xBEDE. Each element is a 4-bit ID
// (1..14) and a 4-bit L = data length - 1 (so 1..16 bytes). A 0x00 byte is padding; ID 15 ends
// the list:
//
//   +---------------+---------------+-------------------------------+
//   |     0xBE      |     0xDE      |           length=3            |
//   +-------+-------+---------------+-------+-------+---------------+
//   |  ID   |  L=0  |     data      |  ID   |  L=1  |    data...    |
//   +-------+-------+---------------+-------+-------+-------+-------+
//   |    ...data    |    0 (pad)    |    0 (pad)    |  ID   |  L=3  |
//   +---------------+---------------+---------------+-------+-------+
//   |                             data                              |
//   +---------------------------------------------------------------+
//
// Two-byte form (RFC 8285 §4.3), "defined by profile" = 0x100 in the top 12 bits and 4 appbits.
// Each element is an 8-bit ID (1..255) and an 8-bit length (0..255 bytes); 0x00 bytes are padding:
//
//   +---------------+-------+-------+-------------------------------+
//   |     0x10      | 0x0   |appbits|           length=3            |
//   +---------------+-------+-------+---------------+---------------+
//   |      ID       |      L=0      |      ID       |      L=1      |
//   +---------------+---------------+---------------+---------------+
//   |     data      |    0 (pad)    |      ID       |      L=4      |
//   +---------------+---------------+---------------+---------------+
//   |                             data                              |
//   +---------------------------------------------------------------+
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "common/error.hpp"
#include "rtp/errc.hpp"

namespace tern::rtp {

inline constexpr uint16_t kOneByteProfile = 0xBEDE;      // RFC 8285 §4.2
inline constexpr uint16_t kTwoByteProfileBase = 0x1000;  // RFC 8285 §4.3: 0x100 << 4 | appbits
inline constexpr uint8_t kOneByteMaxId = 14;             // RFC 8285 §4.2: 15 is reserved
inline constexpr uint8_t kOneByteStopId = 15;
inline constexpr size_t kOneByteMaxLength = 16;
inline constexpr size_t kTwoByteMaxLength = 255;
// RFC 3550 §5.3.1: the length field counts 32-bit words in 16 bits.
inline constexpr size_t kMaxExtensionDataSize = size_t{0xFFFF} * 4;

enum class ExtensionForm : uint8_t { kOneByte, kTwoByte };

// The RFC 8285 form a "defined by profile" value announces, or nullopt for another profile.
constexpr std::optional<ExtensionForm> extension_form(uint16_t profile) {
  if (profile == kOneByteProfile) return ExtensionForm::kOneByte;
  if ((profile & 0xFFF0) == kTwoByteProfileBase) return ExtensionForm::kTwoByte;
  return std::nullopt;
}

// One element: its local ID (from a=extmap) and a view of its data.
struct ExtensionElement {
  uint8_t id = 0;
  std::span<const uint8_t> data;
};

// Walks the elements of an extension block without copying. Usage:
//   ExtensionReader r(profile, data);  ExtensionElement e;
//   while (r.next(e)) { ... }  if (!r.status()) { malformed: r.status().error() }
// Errors (positions are offsets into `data`): kUnknownExtensionProfile (not 0xBEDE/0x100X),
// kExtensionElementOverrun, kBadExtensionId (one-byte ID 0 with a non-zero length).
class ExtensionReader {
 public:
  // An empty list (for a packet without the X bit): next() is false, status() ok.
  ExtensionReader() : done_(true) {}
  // `data` is the extension data after the 4-byte (profile, length) header.
  ExtensionReader(uint16_t profile, std::span<const uint8_t> data);

  // Moves to the next element; false at the end of the list or on an error (see status()).
  bool next(ExtensionElement& element);
  // Ok unless next() stopped on malformed data.
  const Status& status() const { return status_; }
  // The form, or nullopt for a non-RFC 8285 profile.
  std::optional<ExtensionForm> form() const { return form_; }

 private:
  std::span<const uint8_t> data_;
  size_t pos_ = 0;
  std::optional<ExtensionForm> form_;
  bool done_ = false;
  Status status_;
};

// Walks every element once; returns the number of elements or the first error of ExtensionReader.
Result<size_t> validate_extensions(uint16_t profile, std::span<const uint8_t> data);

// The data of the first element with `id`, or nullopt when absent, when the profile is not
// RFC 8285, or when the block is malformed before the element is reached.
std::optional<std::span<const uint8_t>> find_extension(uint16_t profile, std::span<const uint8_t> data,
                                                       uint8_t id);

// Which form a sender may use (RFC 8285 §6 a=extmap-allow-mixed).
enum class ExtensionFormPolicy : uint8_t {
  kOneByteOnly,  // extmap-allow-mixed not negotiated: every packet in the one-byte form
  kAllowMixed,   // extmap-allow-mixed negotiated: one-byte when every element fits, else two-byte
  kTwoByteOnly,  // every packet in the two-byte form
};

struct ExtensionWriteOptions {
  ExtensionFormPolicy policy = ExtensionFormPolicy::kAllowMixed;
  uint8_t appbits = 0;  // RFC 8285 §4.3: low 4 bits of the two-byte profile (0..15)
};

// True when every element fits the one-byte form: ID 1..14, data 1..16 bytes (RFC 8285 §4.2).
bool fits_one_byte_form(std::span<const ExtensionElement> elements);

// Picks the form for `elements` under `policy`. Errors: kBadExtensionElement (ID 0, or data over
// 255 bytes), kTwoByteNotAllowed (policy kOneByteOnly but an element does not fit one byte).
Result<ExtensionForm> choose_extension_form(std::span<const ExtensionElement> elements,
                                            ExtensionFormPolicy policy);

// Size of the extension data (after the 4-byte header) in `form`, padded to a multiple of 4.
size_t extension_data_size(std::span<const ExtensionElement> elements, ExtensionForm form);

// The form and padded data size for `elements` in one pass: choose_extension_form plus
// extension_data_size, and kExtensionTooLarge when the data exceeds 65535 words.
struct ExtensionPlan {
  ExtensionForm form;
  size_t data_size;  // after the 4-byte header, a multiple of 4
};
Result<ExtensionPlan> plan_extension_block(std::span<const ExtensionElement> elements, ExtensionFormPolicy policy);

// Writes the whole block (profile, length, elements, zero padding) into `out` and returns the
// bytes written (4 + extension_data_size). Chooses the form with choose_extension_form; errors as
// there, plus kBufferTooSmall and kExtensionTooLarge (data over 65535 words).
Result<size_t> serialize_extension_block(std::span<const ExtensionElement> elements,
                                         const ExtensionWriteOptions& options, std::span<uint8_t> out);

namespace detail {
// Writes a block already planned by plan_extension_block into `out`, which holds at least
// 4 + plan.data_size bytes (the caller checked). For serializers in this module.
void write_extension_block(std::span<const ExtensionElement> elements, const ExtensionPlan& plan,
                           uint8_t appbits, uint8_t* out);
}  // namespace detail

}  // namespace tern::rtp
