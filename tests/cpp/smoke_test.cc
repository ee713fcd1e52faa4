#include <gtest/gtest.h>
#include "engine/simulator.h"
TEST(Smoke, Builds) { EXPECT_TRUE(true); }
