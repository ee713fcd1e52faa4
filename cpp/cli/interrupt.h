// An interrupted run leaves nothing that looks complete: on SIGINT or SIGTERM the regular files
// being written are removed and the process exits with 128 + the signal's number (130, 143), as
// shells expect. Files are registered by OutputFile while open (pipes, devices and standard
// output are never removed). The handler only unlinks and exits (both async-signal-safe), from
// fixed slots that need no allocation.
#ifndef READFORGE_CLI_INTERRUPT_H_
#define READFORGE_CLI_INTERRUPT_H_

#include <string>

namespace readforge::interrupt {

// Installs the handlers; once, at the start of main.
void Install();

// `path` is removed if the process is interrupted, until Release(path). False when every slot
// is taken (the file then stays on an interrupt).
bool Protect(const std::string& path);
void Release(const std::string& path);

}  // namespace readforge::interrupt

#endif  // READFORGE_CLI_INTERRUPT_H_
