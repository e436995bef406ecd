#include "dtls/extensions.hpp"

#include <cstdio>

namespace tern::dtls {
namespace {

Error at(Error e, size_t offset) { return e.with_position(static_cast<uint32_t>(e.position() + offset)); }

template <class T>
Result<std::vector<T>> parse_u16_list(std::span<const uint8_t> data, const char* what) {
  ByteReader r(data);
  auto list = read_vector(r, 2, 2, 0xfffe, what);
  if (!list) return list.error();
  if (list->size() % 2 != 0) return Error(DtlsErrc::kBadLength, what, 0);
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, what, static_cast<uint32_t>(r.position()));
  std::vector<T> out;
  out.reserve(list->size() / 2);
  while (!list->empty()) out.push_back(static_cast<T>(list->u16()));
  return out;
}

void write_u16_list(WireBuilder& out, std::span<const uint16_t> values) {
  size_t mark = out.begin_vector(2);
  for (uint16_t v : values) out.u16(v);
  out.end_vector(mark);
}

template <class E>
std::vector<uint16_t> as_u16(const std::vector<E>& values) {
  std::vector<uint16_t> out;
  for (E v : values) out.push_back(static_cast<uint16_t>(v));
  return out;
}

}  // namespace

bool HelloExtensions::empty() const {
  return !supported_groups && !ec_point_formats && !signature_algorithms && !use_srtp && !extended_master_secret &&
         !renegotiation_info && unknown.empty();
}

const char* extension_type_name(uint16_t type) {
  switch (static_cast<ExtensionType>(type)) {
    case ExtensionType::kServerName: return "server_name";
    case ExtensionType::kSupportedGroups: return "supported_groups";
    case ExtensionType::kEcPointFormats: return "ec_point_formats";
    case ExtensionType::kSignatureAlgorithms: return "signature_algorithms";
    case ExtensionType::kUseSrtp: return "use_srtp";
    case ExtensionType::kEncryptThenMac: return "encrypt_then_mac";
    case ExtensionType::kExtendedMasterSecret: return "extended_master_secret";
    case ExtensionType::kSessionTicket: return "session_ticket";
    case ExtensionType::kRenegotiationInfo: return "renegotiation_info";
  }
  return "unknown";
}

Result<HelloExtensions> parse_extensions(ByteReader& r, size_t base) {
  HelloExtensions ext;
  if (r.empty()) return ext;
  size_t block_at = base + r.position();
  auto block = read_vector(r, 2, 0, 0xffff, "extensions block");
  if (!block) return at(block.error(), base);
  if (!r.empty()) return Error(DtlsErrc::kTrailingData, "bytes after extensions", static_cast<uint32_t>(base + r.position()));
  std::vector<uint16_t> seen;
  while (!block->empty()) {
    size_t ext_at = block_at + 2 + block->position();
    uint16_t type = block->u16();
    auto body = read_vector(*block, 2, 0, 0xffff, "extension_data");
    if (!block->ok()) return Error(DtlsErrc::kTruncated, "extension header", static_cast<uint32_t>(ext_at));
    if (!body) return at(body.error(), block_at + 2);
    for (uint16_t t : seen)
      if (t == type) return Error(DtlsErrc::kDuplicateExtension, "extension type repeated", static_cast<uint32_t>(ext_at));
    seen.push_back(type);
    std::span<const uint8_t> data = body->rest();
    size_t data_at = ext_at + 4;
    switch (static_cast<ExtensionType>(type)) {
      case ExtensionType::kSupportedGroups: {
        auto groups = parse_u16_list<NamedGroup>(data, "supported_groups list");
        if (!groups) return at(groups.error(), data_at);
        ext.supported_groups = std::move(*groups);
        break;
      }
      case ExtensionType::kSignatureAlgorithms: {
        auto schemes = parse_u16_list<SignatureScheme>(data, "signature_algorithms list");
        if (!schemes) return at(schemes.error(), data_at);
        ext.signature_algorithms = std::move(*schemes);
        break;
      }
      case ExtensionType::kEcPointFormats: {
        ByteReader d(data);
        auto list = read_vector(d, 1, 1, 255, "ec_point_formats list");
        if (!list) return at(list.error(), data_at);
        if (!d.empty()) return Error(DtlsErrc::kTrailingData, "ec_point_formats", static_cast<uint32_t>(data_at));
        auto bytes = list->rest();
        ext.ec_point_formats.emplace(bytes.begin(), bytes.end());
        break;
      }
      case ExtensionType::kUseSrtp: {
        auto srtp = parse_use_srtp(data);
        if (!srtp) return at(srtp.error(), data_at);
        ext.use_srtp = std::move(*srtp);
        break;
      }
      case ExtensionType::kExtendedMasterSecret:
        // RFC 7627 §5.1: the extension_data field is empty.
        if (!data.empty()) return Error(DtlsErrc::kBadLength, "extended_master_secret not empty", static_cast<uint32_t>(data_at));
        ext.extended_master_secret = true;
        break;
      case ExtensionType::kRenegotiationInfo: {
        ByteReader d(data);
        auto conn = read_vector(d, 1, 0, 255, "renegotiated_connection");
        if (!conn) return at(conn.error(), data_at);
        if (!d.empty()) return Error(DtlsErrc::kTrailingData, "renegotiation_info", static_cast<uint32_t>(data_at));
        auto bytes = conn->rest();
        ext.renegotiation_info.emplace(bytes.begin(), bytes.end());
        break;
      }
      default:
        ext.unknown.push_back(RawExtension{type, std::vector<uint8_t>(data.begin(), data.end())});
        break;
    }
  }
  return ext;
}

void serialize_extensions(const HelloExtensions& ext, WireBuilder& out) {
  if (ext.empty()) return;
  size_t block = out.begin_vector(2);
  auto begin = [&](ExtensionType type) {
    out.u16(static_cast<uint16_t>(type));
    return out.begin_vector(2);
  };
  if (ext.supported_groups) {
    size_t m = begin(ExtensionType::kSupportedGroups);
    write_u16_list(out, as_u16(*ext.supported_groups));
    out.end_vector(m);
  }
  if (ext.ec_point_formats) {
    size_t m = begin(ExtensionType::kEcPointFormats);
    out.opaque(1, *ext.ec_point_formats);
    out.end_vector(m);
  }
  if (ext.signature_algorithms) {
    size_t m = begin(ExtensionType::kSignatureAlgorithms);
    write_u16_list(out, as_u16(*ext.signature_algorithms));
    out.end_vector(m);
  }
  if (ext.use_srtp) {
    size_t m = begin(ExtensionType::kUseSrtp);
    serialize_use_srtp(*ext.use_srtp, out);
    out.end_vector(m);
  }
  if (ext.extended_master_secret) out.end_vector(begin(ExtensionType::kExtendedMasterSecret));
  if (ext.renegotiation_info) {
    size_t m = begin(ExtensionType::kRenegotiationInfo);
    out.opaque(1, *ext.renegotiation_info);
    out.end_vector(m);
  }
  for (const auto& raw : ext.unknown) {
    out.u16(raw.type);
    out.opaque(2, raw.data);
  }
  out.end_vector(block);
}

std::string describe(const HelloExtensions& ext, const char* indent) {
  std::string out;
  char buf[96];
  if (ext.supported_groups) {
    out += std::string(indent) + "supported_groups:";
    for (NamedGroup g : *ext.supported_groups) {
      std::snprintf(buf, sizeof(buf), " %s(%u)", named_group_name(g), static_cast<unsigned>(g));
      out += buf;
    }
    out += "\n";
  }
  if (ext.ec_point_formats) {
    out += std::string(indent) + "ec_point_formats:";
    for (uint8_t f : *ext.ec_point_formats) out += " " + std::to_string(f);
    out += "\n";
  }
  if (ext.signature_algorithms) {
    out += std::string(indent) + "signature_algorithms:";
    for (SignatureScheme s : *ext.signature_algorithms) {
      std::snprintf(buf, sizeof(buf), " %s(0x%04x)", signature_scheme_name(s), static_cast<unsigned>(s));
      out += buf;
    }
    out += "\n";
  }
  if (ext.use_srtp) {
    out += std::string(indent) + "use_srtp:";
    for (SrtpProfile p : ext.use_srtp->profiles) {
      std::snprintf(buf, sizeof(buf), " %s(0x%04x)", srtp_profile_name(static_cast<uint16_t>(p)), static_cast<unsigned>(p));
      out += buf;
    }
    out += " mki=" + std::to_string(ext.use_srtp->mki.size()) + " bytes\n";
  }
  if (ext.extended_master_secret) out += std::string(indent) + "extended_master_secret\n";
  if (ext.renegotiation_info)
    out += std::string(indent) + "renegotiation_info: " + std::to_string(ext.renegotiation_info->size()) + " bytes\n";
  for (const auto& raw : ext.unknown) {
    std::snprintf(buf, sizeof(buf), "%s(%u): %zu bytes", extension_type_name(raw.type), static_cast<unsigned>(raw.type),
                  raw.data.size());
    out += std::string(indent) + buf + "\n";
  }
  return out;
}

}  // namespace tern::dtls
