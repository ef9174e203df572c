#include "console/session_store.h"

#include <gtest/gtest.h>
#include <thread>

using namespace tansiq::console;

TEST(SessionStore, OpenedSessionsAreFoundByTheirIdOnly) {
  SessionStore sessions;
  auto a = sessions.open("amina", "");
  auto b = sessions.open("youssef", "token-hash");
  EXPECT_NE(a.id, b.id);
  EXPECT_NE(a.id, a.csrf_token);
  EXPECT_GE(a.id.size(), 43u); // 32 random bytes, base64
  auto found = sessions.find(a.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user_name, "amina");
  EXPECT_EQ(found->csrf_token, a.csrf_token);
  EXPECT_EQ(sessions.find(b.id)->token_hash, "token-hash");
  EXPECT_FALSE(sessions.find(a.csrf_token));
  EXPECT_FALSE(sessions.find(""));
  EXPECT_FALSE(sessions.find(a.id.substr(1)));
}

TEST(SessionStore, ClosedAndIdleSessionsAreGone) {
  SessionStore sessions(SessionLimits{std::chrono::seconds(1), std::chrono::seconds(60), 100});
  auto a = sessions.open("amina", "");
  auto b = sessions.open("amina", "");
  auto c = sessions.open("omar", "");
  sessions.close(a.id);
  EXPECT_FALSE(sessions.find(a.id));
  sessions.close_all_of("amina");
  EXPECT_FALSE(sessions.find(b.id));
  ASSERT_TRUE(sessions.find(c.id));
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_FALSE(sessions.find(c.id));
}

TEST(SessionStore, PastTheLimitTheLeastRecentlyUsedGoFirst) {
  SessionStore sessions(SessionLimits{std::chrono::seconds(600), std::chrono::seconds(600), 3});
  auto a = sessions.open("a", "");
  auto b = sessions.open("b", "");
  auto c = sessions.open("c", "");
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_TRUE(sessions.find(a.id)); // a is now the most recently used
  auto d = sessions.open("d", "");
  EXPECT_EQ(sessions.size(), 3u);
  EXPECT_TRUE(sessions.find(a.id));
  EXPECT_FALSE(sessions.find(b.id));
  EXPECT_TRUE(sessions.find(c.id));
  EXPECT_TRUE(sessions.find(d.id));
}
