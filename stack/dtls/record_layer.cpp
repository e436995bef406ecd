#include "dtls/record_layer.hpp"

#include "dtls/errc.hpp"

namespace tern::dtls {

void RecordLayer::install_read_protection(RecordProtection protection) { read_[1].protection.emplace(std::move(protection)); }
void RecordLayer::install_write_protection(RecordProtection protection) { write_[1].protection.emplace(std::move(protection)); }

bool RecordLayer::has_read_epoch(uint16_t epoch) const {
  return epoch == 0 || (epoch <= kMaxEpoch && read_[epoch].protection.has_value());
}
bool RecordLayer::has_write_epoch(uint16_t epoch) const {
  return epoch == 0 || (epoch <= kMaxEpoch && write_[epoch].protection.has_value());
}

Result<std::span<uint8_t>> RecordLayer::open(const RecordHeader& header, std::span<uint8_t> fragment) {
  if (!has_read_epoch(header.epoch)) {
    ++counters_.wrong_epoch;
    return Error(DtlsErrc::kWrongEpoch, "record epoch has no read keys");
  }
  if (header.epoch == 0) {
    // Epoch 0 is unprotected; duplicates are handled by handshake message_seq (RFC 6347 §4.2.2).
    if (fragment.size() > kMaxPlaintextLength) {
      ++counters_.malformed;
      return Error(DtlsErrc::kTooLarge, "record plaintext above 2^14");
    }
    ++counters_.records_received;
    return fragment;
  }
  ReadState& state = read_[header.epoch];
  // Protected epochs only exist after DTLS 1.2 was negotiated: DTLS 1.0 versions are invalid there.
  if (header.version != kDtls12) {
    ++counters_.wrong_epoch;
    return Error(DtlsErrc::kBadVersion, "protected record not DTLS 1.2");
  }
  // RFC 6347 §4.1.2.6: reject duplicates before spending a decryption on them.
  if (!state.window.check(header.sequence)) {
    ++counters_.replayed;
    return Error(DtlsErrc::kReplayed, "record sequence number already received");
  }
  auto plaintext = state.protection->open(header, fragment);
  if (!plaintext) {
    ++counters_.decrypt_failed;
    return plaintext.error();
  }
  // RFC 6347 §4.1.2.6: the window is updated only once the record has been authenticated.
  state.window.mark(header.sequence);
  ++counters_.records_received;
  return plaintext;
}

size_t RecordLayer::record_size(uint16_t epoch, size_t payload_size) const {
  size_t overhead = epoch == 0 || !write_[epoch].protection ? 0 : write_[epoch].protection->overhead();
  return kRecordHeaderSize + payload_size + overhead;
}

Status RecordLayer::append_record(std::vector<uint8_t>& out, ContentType type, uint16_t epoch,
                                  std::span<const uint8_t> payload) {
  if (!has_write_epoch(epoch)) return Error(DtlsErrc::kWrongEpoch, "no write keys for epoch");
  if (payload.size() > kMaxPlaintextLength) return Error(DtlsErrc::kTooLarge, "record payload above 2^14");
  WriteState& state = write_[epoch];
  // RFC 6347 §4.1: sequence numbers must not wrap; the association is over.
  if (state.next_sequence > kMaxSequenceNumber) return Error(DtlsErrc::kInternal, "record sequence exhausted");
  RecordHeader header;
  header.type = type;
  header.version = kDtls12;
  header.epoch = epoch;
  header.sequence = state.next_sequence++;
  size_t size = record_size(epoch, payload.size());
  header.length = static_cast<uint16_t>(size - kRecordHeaderSize);
  size_t at = out.size();
  out.resize(at + size);
  serialize_record_header(header, std::span<uint8_t, kRecordHeaderSize>(out.data() + at, kRecordHeaderSize));
  std::span<uint8_t> fragment(out.data() + at + kRecordHeaderSize, header.length);
  if (epoch == 0) {
    std::copy(payload.begin(), payload.end(), fragment.begin());
  } else {
    state.protection->seal(header, payload, fragment);
  }
  ++counters_.records_sent;
  return {};
}

}  // namespace tern::dtls
