#include "rtp/header_extension.hpp"

#include "common/byte_reader.hpp"

namespace tern::rtp {

ExtensionReader::ExtensionReader(uint16_t profile, std::span<const uint8_t> data)
    : data_(data), form_(extension_form(profile)) {
  if (!form_) {
    // RFC 8285 §4.1: only 0xBEDE and 0x100X announce elements; other profiles are opaque.
    status_ = Error(RtpErrc::kUnknownExtensionProfile, "extension profile is not RFC 8285");
    done_ = true;
  }
}

bool ExtensionReader::next(ExtensionElement& element) {
  if (done_) return false;
  const uint8_t* p = data_.data();
  const size_t size = data_.size();
  if (*form_ == ExtensionForm::kOneByte) {
    while (pos_ < size) {
      const uint8_t b = p[pos_];
      // RFC 8285 §4.2: padding bytes (value 0) may sit between or after elements.
      if (b == 0) {
        ++pos_;
        continue;
      }
      const uint8_t id = b >> 4;
      // RFC 8285 §4.2: ID 15 is reserved; its length is ignored and processing stops there.
      if (id == kOneByteStopId) break;
      if (id == 0) {
        status_ = Error(RtpErrc::kBadExtensionId, "one-byte element ID 0 with non-zero length",
                        static_cast<uint32_t>(pos_));
        break;
      }
      // RFC 8285 §4.2: L is the data length minus one (1..16 bytes).
      const size_t len = size_t{b & 0x0Fu} + 1;
      if (size - pos_ - 1 < len) {
        status_ = Error(RtpErrc::kExtensionElementOverrun, "one-byte element data past the block",
                        static_cast<uint32_t>(pos_));
        break;
      }
      element = ExtensionElement{id, data_.subspan(pos_ + 1, len)};
      pos_ += 1 + len;
      return true;
    }
  } else {
    while (pos_ < size) {
      const uint8_t id = p[pos_];
      // RFC 8285 §4.3: padding bytes (value 0) may sit between or after elements.
      if (id == 0) {
        ++pos_;
        continue;
      }
      if (size - pos_ < 2) {
        status_ = Error(RtpErrc::kExtensionElementOverrun, "two-byte element length byte missing",
                        static_cast<uint32_t>(pos_));
        break;
      }
      // RFC 8285 §4.3: the length is the data length itself (0..255 bytes).
      const size_t len = p[pos_ + 1];
      if (size - pos_ - 2 < len) {
        status_ = Error(RtpErrc::kExtensionElementOverrun, "two-byte element data past the block",
                        static_cast<uint32_t>(pos_));
        break;
      }
      element = ExtensionElement{id, data_.subspan(pos_ + 2, len)};
      pos_ += 2 + len;
      return true;
    }
  }
  done_ = true;
  return false;
}

Result<size_t> validate_extensions(uint16_t profile, std::span<const uint8_t> data) {
  ExtensionReader reader(profile, data);
  ExtensionElement element;
  size_t count = 0;
  while (reader.next(element)) ++count;
  if (!reader.status()) return reader.status().error();
  return count;
}

std::optional<std::span<const uint8_t>> find_extension(uint16_t profile, std::span<const uint8_t> data,
                                                       uint8_t id) {
  ExtensionReader reader(profile, data);
  ExtensionElement element;
  while (reader.next(element)) {
    if (element.id == id) return element.data;
  }
  return std::nullopt;
}

namespace {
// RFC 8285 §4.2: IDs 1..14 and 1..16 data bytes (a zero-length element needs the two-byte form).
bool element_fits_one_byte(const ExtensionElement& e) {
  return e.id != 0 && e.id <= kOneByteMaxId && !e.data.empty() && e.data.size() <= kOneByteMaxLength;
}
}  // namespace

bool fits_one_byte_form(std::span<const ExtensionElement> elements) {
  for (const ExtensionElement& e : elements) {
    if (!element_fits_one_byte(e)) return false;
  }
  return true;
}

Result<ExtensionPlan> plan_extension_block(std::span<const ExtensionElement> elements, ExtensionFormPolicy policy) {
  bool one_byte = true;
  size_t data = 0;
  for (const ExtensionElement& e : elements) {
    // RFC 8285 §4.2/§4.3: ID 0 is padding in both forms; lengths are at most 255 bytes.
    if (e.id == 0) return Error(RtpErrc::kBadExtensionElement, "extension element ID 0 is reserved");
    if (e.data.size() > kTwoByteMaxLength) {
      return Error(RtpErrc::kBadExtensionElement, "extension element data over 255 bytes");
    }
    one_byte = one_byte && element_fits_one_byte(e);
    data += e.data.size();
  }
  ExtensionForm form = ExtensionForm::kOneByte;
  switch (policy) {
    case ExtensionFormPolicy::kTwoByteOnly:
      form = ExtensionForm::kTwoByte;
      break;
    case ExtensionFormPolicy::kOneByteOnly:
      // RFC 8285 §6: without a=extmap-allow-mixed the stream keeps the one-byte form.
      if (!one_byte) {
        return Error(RtpErrc::kTwoByteNotAllowed, "element needs the two-byte form (no extmap-allow-mixed)");
      }
      break;
    case ExtensionFormPolicy::kAllowMixed:
      // RFC 8285 §6: with extmap-allow-mixed each packet may use either form.
      form = one_byte ? ExtensionForm::kOneByte : ExtensionForm::kTwoByte;
      break;
  }
  data += elements.size() * (form == ExtensionForm::kOneByte ? 1 : 2);
  // RFC 3550 §5.3.1: the block is a whole number of 32-bit words, counted in 16 bits.
  data = (data + 3) & ~size_t{3};
  if (data > kMaxExtensionDataSize) return Error(RtpErrc::kExtensionTooLarge, "extension block over 65535 words");
  return ExtensionPlan{form, data};
}

Result<ExtensionForm> choose_extension_form(std::span<const ExtensionElement> elements,
                                            ExtensionFormPolicy policy) {
  auto plan = plan_extension_block(elements, policy);
  if (!plan) return plan.error();
  return plan->form;
}

size_t extension_data_size(std::span<const ExtensionElement> elements, ExtensionForm form) {
  const size_t per_element = form == ExtensionForm::kOneByte ? 1 : 2;
  size_t total = 0;
  for (const ExtensionElement& e : elements) total += per_element + e.data.size();
  // RFC 3550 §5.3.1: the block is a whole number of 32-bit words.
  return (total + 3) & ~size_t{3};
}

namespace detail {
void write_extension_block(std::span<const ExtensionElement> elements, const ExtensionPlan& plan,
                           uint8_t appbits, uint8_t* p) {
  const bool one_byte = plan.form == ExtensionForm::kOneByte;
  store_be16(p, one_byte ? kOneByteProfile : static_cast<uint16_t>(kTwoByteProfileBase | (appbits & 0x0F)));
  store_be16(p + 2, static_cast<uint16_t>(plan.data_size / 4));
  uint8_t* out = p + 4;
  for (const ExtensionElement& e : elements) {
    const size_t len = e.data.size();
    if (one_byte) {
      // RFC 8285 §4.2: ID in the high nibble, length - 1 in the low nibble.
      *out++ = static_cast<uint8_t>(e.id << 4 | (len - 1));
    } else {
      // RFC 8285 §4.3: ID byte, then the length itself.
      *out++ = e.id;
      *out++ = static_cast<uint8_t>(len);
    }
    // Elements are a few bytes; a plain loop beats a call into memcpy here.
    for (size_t i = 0; i < len; ++i) out[i] = e.data[i];
    out += len;
  }
  // RFC 8285 §4.2/§4.3: padding bytes are 0.
  uint8_t* end = p + 4 + plan.data_size;
  while (out < end) *out++ = 0;
}
}  // namespace detail

Result<size_t> serialize_extension_block(std::span<const ExtensionElement> elements,
                                         const ExtensionWriteOptions& options, std::span<uint8_t> out) {
  auto plan = plan_extension_block(elements, options.policy);
  if (!plan) return plan.error();
  if (out.size() < 4 + plan->data_size) return Error(RtpErrc::kBufferTooSmall, "buffer too small for extensions");
  detail::write_extension_block(elements, *plan, options.appbits, out.data());
  return 4 + plan->data_size;
}

}  // namespace tern::rtp
