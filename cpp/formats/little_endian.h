// Binary fields of BAM, its index and the index's entries: little-endian, as every host readforge
// runs on (x86-64, arm64, wasm) holds them in memory, so values are copied as they are.
#ifndef READFORGE_FORMATS_LITTLE_ENDIAN_H_
#define READFORGE_FORMATS_LITTLE_ENDIAN_H_

#include <cstring>
#include <string>

namespace readforge {

template <typename T>
void PutLittleEndian(std::string* out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out->append(bytes, sizeof(T));
}

template <typename T>
T LoadLittleEndian(const void* at) {
  T value;
  std::memcpy(&value, at, sizeof(T));
  return value;
}

}  // namespace readforge

#endif  // READFORGE_FORMATS_LITTLE_ENDIAN_H_
