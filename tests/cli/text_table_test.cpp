#include "text_table.hpp"

#include <gtest/gtest.h>

namespace {

TEST(TextTable, AlignsColumnsLeftAndRight) {
  optiml::cli::TextTable t({"solver", "iters"}, {false, true});
  t.add_row({"lbfgs", "36"});
  t.add_row({"gradient-descent", "12345"});
  t.add_row({"short"});
  EXPECT_EQ(t.str(),
            "solver            iters\n"
            "----------------  -----\n"
            "lbfgs                36\n"
            "gradient-descent  12345\n"
            "short\n");
}

TEST(TextTable, FormatsSeconds) {
  EXPECT_EQ(optiml::cli::format_seconds(0.0000123), "12 us");
  EXPECT_EQ(optiml::cli::format_seconds(0.00341), "3.41 ms");
  EXPECT_EQ(optiml::cli::format_seconds(1.25), "1.250 s");
}

}  // namespace
