#include "cli/drive.h"

namespace readforge {

Status Drive(Simulator& sim, const std::string& reference, const DriveHooks& hooks) {
  while (true) {
    const Simulator::State state = sim.Run();
    switch (state) {
      case Simulator::State::kError:
        return Status::Error(sim.error_in_variants() ? sim.error()
                                                     : reference + ": " + sim.error());
      case Simulator::State::kOutputReady:
      case Simulator::State::kDone: {
        bool stop = false;
        RF_RETURN_IF_ERROR(hooks.output(&stop));
        if (stop || state == Simulator::State::kDone)
          return Status::Ok();
        break;
      }
      case Simulator::State::kNeedInput:
        RF_RETURN_IF_ERROR(hooks.input());
        break;
      case Simulator::State::kNeedVariantInput:
        RF_RETURN_IF_ERROR(hooks.variants());
        break;
    }
    if (hooks.step)
      hooks.step();
  }
}

}  // namespace readforge
