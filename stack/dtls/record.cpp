#include "dtls/record.hpp"

#include <cstdio>

#include "common/byte_reader.hpp"
#include "dtls/errc.hpp"

namespace tern::dtls {

const char* content_type_name(ContentType type) {
  switch (type) {
    case ContentType::kChangeCipherSpec: return "change_cipher_spec";
    case ContentType::kAlert: return "alert";
    case ContentType::kHandshake: return "handshake";
    case ContentType::kApplicationData: return "application_data";
  }
  return "unknown";
}

Result<RecordView> parse_record(std::span<const uint8_t> data) {
  if (data.size() < kRecordHeaderSize) return Error(DtlsErrc::kTruncated, "record header", 0);
  ByteReader r(data);
  RecordView view;
  uint8_t type = r.u8();
  if (type < 20 || type > 23) return Error(DtlsErrc::kBadContentType, "record content type", 0);
  view.header.type = static_cast<ContentType>(type);
  view.header.version = r.u16();
  // RFC 6347 §4.1: DTLS 1.2 records carry {254,253}; {254,255} (DTLS 1.0) appears on the
  // ClientHello / HelloVerifyRequest records of version-flexible implementations.
  if (view.header.version != kDtls12 && view.header.version != kDtls10)
    return Error(DtlsErrc::kBadVersion, "record version", 1);
  view.header.epoch = r.u16();
  view.header.sequence = r.u48();
  view.header.length = r.u16();
  if (view.header.length > kMaxCiphertextLength)
    return Error(DtlsErrc::kTooLarge, "record length above 2^14+2048", 11);
  view.fragment = r.bytes(view.header.length);
  if (!r.ok()) return Error(DtlsErrc::kTruncated, "record fragment shorter than its length", 11);
  return view;
}

void serialize_record_header(const RecordHeader& header, std::span<uint8_t, kRecordHeaderSize> out) {
  out[0] = static_cast<uint8_t>(header.type);
  store_be16(&out[1], header.version);
  store_be16(&out[3], header.epoch);
  store_be16(&out[5], static_cast<uint16_t>(header.sequence >> 32));
  store_be32(&out[7], static_cast<uint32_t>(header.sequence));
  store_be16(&out[11], header.length);
}

std::string describe(const RecordHeader& header) {
  char line[160];
  std::snprintf(line, sizeof(line), "record %s v=%04x epoch=%u seq=%llu len=%u", content_type_name(header.type),
                header.version, static_cast<unsigned>(header.epoch),
                static_cast<unsigned long long>(header.sequence), static_cast<unsigned>(header.length));
  return line;
}

std::string describe_records(std::span<const uint8_t> datagram) {
  std::string out;
  size_t offset = 0;
  while (offset < datagram.size()) {
    auto record = parse_record(datagram.subspan(offset));
    if (!record) {
      out += "malformed record at " + std::to_string(offset) + ": " + record.error().to_string() + "\n";
      break;
    }
    out += describe(record->header) + "\n";
    offset += record->size();
  }
  return out;
}

}  // namespace tern::dtls
