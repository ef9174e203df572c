#include "node/list_date.h"

#include <algorithm>

namespace tansiq::node {
namespace {

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s)
    n = n * 10 + (c - '0');
  return n;
}

} // namespace

bool is_list_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10)
    return false;
  if (!digits(s.substr(0, 4)))
    return false;
  if (s.size() == 4)
    return true;
  if (s[4] != '-' || !digits(s.substr(5, 2)))
    return false;
  int year = number(s.substr(0, 4));
  int month = number(s.substr(5, 2));
  if (month < 1 || month > 12)
    return false;
  if (s.size() == 7)
    return true;
  if (s[7] != '-' || !digits(s.substr(8, 2)))
    return false;
  int day = number(s.substr(8, 2));
  constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day >= 1 && day <= days[month - 1] && !(month == 2 && day == 29 && !leap);
}

} // namespace tansiq::node
