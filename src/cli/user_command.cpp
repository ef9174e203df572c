#include "auth/credentials.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "node/node.h"
#include "stix/identifier.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>

namespace tansiq::cli {
namespace {

Result<void> require_collections(store::Store& store, const std::vector<std::string>& ids) {
  for (const auto& collection : ids) {
    auto found = store.find_collection(collection);
    if (!found)
      return found.error();
    if (!found->has_value())
      return make_error(Error::Kind::not_found, "no such collection", collection);
  }
  return {};
}

Result<void> grant(store::Store& store, const std::string& user,
                   const std::vector<std::string>& readable,
                   const std::vector<std::string>& writable) {
  std::vector<std::string> all = readable;
  all.insert(all.end(), writable.begin(), writable.end());
  if (auto known = require_collections(store, all); !known)
    return known;
  for (const auto& collection : all) {
    store::Access access;
    access.read = std::find(readable.begin(), readable.end(), collection) != readable.end();
    access.write = std::find(writable.begin(), writable.end(), collection) != writable.end();
    if (auto set = store.set_access(user, collection, access); !set)
      return set;
  }
  return {};
}

} // namespace

void add_user_command(CLI::App& app, GlobalOptions& global, int& exit_code) {
  auto* command = app.add_subcommand("user", "Manage node accounts, their tokens and rights");
  command->require_subcommand(1);

  struct AddOptions {
    std::string name, role = "analyst", agency;
    bool password_from_stdin = false;
    std::vector<std::string> readable, writable;
  };
  auto options = std::make_shared<AddOptions>();
  auto* add = command->add_subcommand("add", "Create an account; prints its API token once");
  add->add_option("NAME", options->name, "Account name")->required();
  add->add_option("--role", options->role,
                  "admin, analyst, liaison, or partner (another agency's node: it sees only what "
                  "the release policy publishes to its --agency)")
      ->check(CLI::IsMember({"admin", "analyst", "liaison", "partner"}));
  add->add_option("--agency", options->agency,
                  "Identity id of the account's agency (required for partners)");
  add->add_flag("--password-stdin", options->password_from_stdin,
                "Read a password (for HTTP Basic and the console) from stdin");
  add->add_option("--read", options->readable, "Collection id the account may read (repeatable)");
  add->add_option("--write", options->writable, "Collection id the account may write (repeatable)");
  add->callback([&global, &exit_code, options] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    store::User user;
    user.name = options->name;
    user.role = *store::parse_role(options->role);
    user.agency = options->agency;
    if (user.role == store::Role::partner && stix::identifier_type(user.agency) != "identity") {
      exit_code = report(make_error(Error::Kind::invalid_input,
                                    "a partner account needs --agency identity--<UUID>",
                                    "--agency " + user.agency));
      return;
    }
    user.created = stix::now_micros();
    if (options->password_from_stdin) {
      std::string password;
      std::getline(std::cin, password);
      if (password.size() < 8) {
        exit_code = report(make_error(Error::Kind::invalid_input,
                                      "a password needs at least 8 characters", "stdin"));
        return;
      }
      auto hashed = auth::hash_password(password);
      if (!hashed) {
        exit_code = report(hashed.error());
        return;
      }
      user.password_hash = *hashed;
    }
    std::string token = auth::new_token();
    std::vector<std::string> collections = options->readable;
    collections.insert(collections.end(), options->writable.begin(), options->writable.end());
    // One step after the other, stopping at the first failure: an account that
    // exists already must get no new rights or token, and an unknown
    // collection must leave no account behind.
    std::function<Result<void>()> steps[] = {
        [&] { return require_collections(*opened->store, collections); },
        [&] { return opened->store->add_user(user); },
        [&] { return grant(*opened->store, user.name, options->readable, options->writable); },
        [&] { return opened->store->add_token(user.name, auth::hash_token(token), "user add"); }};
    for (const auto& run_step : steps) {
      if (auto step = run_step(); !step) {
        Error error = step.error();
        if (error.where.empty())
          error.where = "user " + user.name;
        exit_code = report(error);
        return;
      }
    }
    std::printf("%s\n", token.c_str());
  });

  auto* list = command->add_subcommand("list", "List accounts: name, role, state");
  list->callback([&global, &exit_code] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto users = opened->store->list_users();
    if (!users) {
      exit_code = report(users.error());
      return;
    }
    for (const auto& user : *users)
      std::printf("%-24s %-8s %-50s %s\n", user.name.c_str(),
                  std::string(role_name(user.role)).c_str(), user.agency.c_str(),
                  user.revoked ? "revoked" : "active");
  });

  auto revoked_name = std::make_shared<std::string>();
  auto* revoke = command->add_subcommand("revoke", "Revoke an account and all its tokens");
  revoke->add_option("NAME", *revoked_name, "Account name")->required();
  revoke->callback([&global, &exit_code, revoked_name] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    if (auto done = opened->store->revoke_user(*revoked_name); !done)
      exit_code = report(done.error());
  });

  auto grant_options = std::make_shared<AddOptions>();
  auto* grant_command = command->add_subcommand("grant", "Give an account rights on collections");
  grant_command->add_option("NAME", grant_options->name, "Account name")->required();
  grant_command->add_option("--read", grant_options->readable, "Collection id to read");
  grant_command->add_option("--write", grant_options->writable, "Collection id to write");
  grant_command->callback([&global, &exit_code, grant_options] {
    auto opened = open_node_or_report(global, exit_code);
    if (!opened)
      return;
    auto user = opened->store->find_user(grant_options->name);
    if (!user || !user->has_value()) {
      exit_code =
          report(user ? make_error(Error::Kind::not_found, "no such user", grant_options->name)
                      : user.error());
      return;
    }
    if (auto done = grant(*opened->store, grant_options->name, grant_options->readable,
                          grant_options->writable);
        !done)
      exit_code = report(done.error());
  });
}

} // namespace tansiq::cli
