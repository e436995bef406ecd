#pragma once
// Helpers shared by the sdp unit tests.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

namespace tern::sdp::test {

// Reads tests/data/sdp/<name> as bytes.
inline std::string read_sample(const std::string& name) {
  std::ifstream in(std::string(TERN_TEST_DATA_DIR) + "/sdp/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace tern::sdp::test
