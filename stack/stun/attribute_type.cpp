#include "stun/attribute_type.hpp"

namespace tern::stun {

std::string_view attribute_name(AttributeType type) {
  const char* name = attribute_name_cstr(type);
  return name ? std::string_view(name) : std::string_view();
}

bool is_known_attribute(AttributeType type) { return attribute_name_cstr(type) != nullptr; }

}  // namespace tern::stun
