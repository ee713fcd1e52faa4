// readforge is built with -fno-exceptions and BOOST_NO_EXCEPTIONS, so Boost asks us what to do
// where it would throw. readforge validates every distribution parameter before use, so reaching
// this is a bug in readforge: stop loudly rather than continue with a broken state.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include <boost/assert/source_location.hpp>
#include <boost/throw_exception.hpp>

namespace boost {

void throw_exception(const std::exception& e) {
  std::fprintf(stderr, "readforge: internal error: %s\n", e.what());
  std::abort();
}

void throw_exception(const std::exception& e, const boost::source_location&) {
  throw_exception(e);
}

}  // namespace boost
