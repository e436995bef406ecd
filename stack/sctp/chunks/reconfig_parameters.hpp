#pragma once
// RE-CONFIG request and response parameters (RFC 6525 §4).
//
// Outgoing SSN Reset Request (§4.1):
//   0                   1                   2                   3
//   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 13       | Parameter Length = 16 + 2 * N |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |           Re-configuration Request Sequence Number            |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |           Re-configuration Response Sequence Number           |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                Sender's Last Assigned TSN                     |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |  Stream Number 1 (optional)   |    Stream Number 2 (optional) |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  /                            ......                             /
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Incoming SSN Reset Request (§4.2): Type = 14, Length = 8 + 2 * N, Request Sequence Number,
// then stream numbers.
// SSN/TSN Reset Request (§4.3): Type = 15, Length = 8, Request Sequence Number.
//
// Re-configuration Response (§4.4):
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |     Parameter Type = 16       |      Parameter Length         |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |         Re-configuration Response Sequence Number             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                            Result                             |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                   Sender's Next TSN (optional)                |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//  |                  Receiver's Next TSN (optional)               |
//  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Add Outgoing / Incoming Streams Request (§4.5, §4.6): Type = 17 / 18, Length = 12, Request
// Sequence Number, then Number of New Streams (16) and 16 reserved bits.
#include <cstdint>
#include <optional>
#include <variant>
#include <vector>

#include "common/ids.hpp"
#include "sctp/parameter.hpp"

namespace tern::sctp {

// RFC 6525 §4.4 Result values.
enum class ReconfigResult : uint32_t {
  kSuccessNothingToDo = 0,
  kSuccessPerformed = 1,
  kDenied = 2,
  kErrorWrongSsn = 3,
  kErrorRequestAlreadyInProgress = 4,
  kErrorBadSequenceNumber = 5,
  kInProgress = 6,
};

// "Success - Performed", ... or nullptr for an unknown value.
const char* reconfig_result_name(uint32_t result);

struct OutgoingSsnResetRequest {
  uint32_t request_sequence = 0;
  uint32_t response_sequence = 0;
  Tsn senders_last_assigned_tsn{0};
  std::vector<StreamId> streams;  // empty: every stream
  bool operator==(const OutgoingSsnResetRequest&) const = default;
};

struct IncomingSsnResetRequest {
  uint32_t request_sequence = 0;
  std::vector<StreamId> streams;  // empty: every stream
  bool operator==(const IncomingSsnResetRequest&) const = default;
};

struct SsnTsnResetRequest {
  uint32_t request_sequence = 0;
  bool operator==(const SsnTsnResetRequest&) const = default;
};

struct ReconfigResponse {
  uint32_t response_sequence = 0;
  ReconfigResult result = ReconfigResult::kSuccessNothingToDo;
  std::optional<Tsn> senders_next_tsn;    // present together with receivers_next_tsn
  std::optional<Tsn> receivers_next_tsn;
  bool operator==(const ReconfigResponse&) const = default;
};

struct AddStreamsRequest {
  bool outgoing = true;  // type 17 (outgoing) or 18 (incoming)
  uint32_t request_sequence = 0;
  uint16_t new_streams = 0;
  bool operator==(const AddStreamsRequest&) const = default;
};

// An unknown parameter type inside RE-CONFIG, kept raw.
struct UnknownReconfigParameter {
  Parameter raw;
  bool operator==(const UnknownReconfigParameter& o) const {
    return raw.type == o.raw.type && std::equal(raw.value.begin(), raw.value.end(), o.raw.value.begin(),
                                                o.raw.value.end());
  }
};

using ReconfigParameter = std::variant<OutgoingSsnResetRequest, IncomingSsnResetRequest, SsnTsnResetRequest,
                                       ReconfigResponse, AddStreamsRequest, UnknownReconfigParameter>;

// Decodes one TLV into `out`. `at` is its offset in the packet (for error positions). Errors:
// kBadLength (a length that does not fit the type), kBadValue (an odd-sized stream list).
Status parse_reconfig_parameter(const Parameter& param, uint32_t at, ReconfigParameter& out);
size_t serialized_size(const ReconfigParameter& param);
// The zero bytes serialize() appends after the parameter's value (0..3).
size_t unpadded_padding(const ReconfigParameter& param);
void serialize(const ReconfigParameter& param, ByteWriter& writer);

}  // namespace tern::sctp
