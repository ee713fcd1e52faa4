// Converting JavaScript values for the Embind glue of cpp/wasm/ (strings, arrays, optional
// fields). Shared by every binding file; no logic of readforge's lives here.
#ifndef READFORGE_WASM_JS_VALUES_H_
#define READFORGE_WASM_JS_VALUES_H_

#include <emscripten/val.h>

#include <string>
#include <string_view>
#include <vector>

namespace readforge::wasm {

using emscripten::val;

inline std::string AsString(const val& v) {
  return val::global("String")(v).as<std::string>();
}

// An optional text field of an object ("" when absent).
inline std::string TextField(const val& object, const char* name) {
  if (object.isUndefined() || object.isNull())
    return "";
  val field = object[name];
  return field.isUndefined() || field.isNull() ? "" : AsString(field);
}

inline std::vector<std::string> AsStrings(const val& array) {
  std::vector<std::string> out;
  if (array.isUndefined() || array.isNull())
    return out;
  const unsigned n = array["length"].as<unsigned>();
  for (unsigned i = 0; i < n; ++i)
    out.push_back(AsString(array[i]));
  return out;
}

// new Uint8Array(view) copies the bytes out of the wasm heap.
inline val CopyOut(std::string_view bytes) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

}  // namespace readforge::wasm

#endif  // READFORGE_WASM_JS_VALUES_H_
