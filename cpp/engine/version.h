#ifndef READFORGE_ENGINE_VERSION_H_
#define READFORGE_ENGINE_VERSION_H_

namespace readforge {
inline constexpr char kVersion[] = "0.1.0";
}  // namespace readforge

#endif  // READFORGE_ENGINE_VERSION_H_
