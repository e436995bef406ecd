#include "stun/message_type.hpp"

namespace tern::stun {

std::string_view method_name(Method method) {
  switch (method) {
    case Method::kBinding: return "Binding";
    case Method::kAllocate: return "Allocate";
    case Method::kRefresh: return "Refresh";
    case Method::kSend: return "Send";
    case Method::kData: return "Data";
    case Method::kCreatePermission: return "CreatePermission";
    case Method::kChannelBind: return "ChannelBind";
    case Method::kConnect: return "Connect";
    case Method::kConnectionBind: return "ConnectionBind";
    case Method::kConnectionAttempt: return "ConnectionAttempt";
  }
  return {};
}

std::string_view class_name(MessageClass message_class) {
  switch (message_class) {
    case MessageClass::kRequest: return "request";
    case MessageClass::kIndication: return "indication";
    case MessageClass::kSuccessResponse: return "success response";
    case MessageClass::kErrorResponse: return "error response";
  }
  return {};
}

}  // namespace tern::stun
