#include "datachannel/ppid.hpp"

namespace tern::datachannel {

PayloadKind classify_ppid(uint32_t ppid) {
  switch (ppid) {
    case kPpidDcep: return PayloadKind::kDcep;
    case kPpidString: return PayloadKind::kString;
    case kPpidBinary: return PayloadKind::kBinary;
    case kPpidStringEmpty: return PayloadKind::kStringEmpty;
    case kPpidBinaryEmpty: return PayloadKind::kBinaryEmpty;
    // RFC 8831 §8: 52 and 54 are deprecated; old senders split large messages with them, so a
    // receiver still accepts them.
    case kPpidStringPartial: return PayloadKind::kStringPartial;
    case kPpidBinaryPartial: return PayloadKind::kBinaryPartial;
    default: return PayloadKind::kUnknown;
  }
}

const char* ppid_name(uint32_t ppid) {
  switch (ppid) {
    case kPpidDcep: return "DCEP";
    case kPpidString: return "String";
    case kPpidBinaryPartial: return "Binary Partial (deprecated)";
    case kPpidBinary: return "Binary";
    case kPpidStringPartial: return "String Partial (deprecated)";
    case kPpidStringEmpty: return "String Empty";
    case kPpidBinaryEmpty: return "Binary Empty";
    default: return "unknown";
  }
}

}  // namespace tern::datachannel
