#include "store/store.h"

namespace tansiq::store {

std::string_view role_name(Role role) {
  switch (role) {
  case Role::admin:
    return "admin";
  case Role::analyst:
    return "analyst";
  case Role::liaison:
    return "liaison";
  case Role::partner:
    return "partner";
  }
  return "analyst";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role role : {Role::admin, Role::analyst, Role::liaison, Role::partner})
    if (role_name(role) == name)
      return role;
  return std::nullopt;
}

} // namespace tansiq::store
