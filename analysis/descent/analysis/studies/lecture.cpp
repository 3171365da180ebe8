// lecture: the lecture's claims about its first-order methods on Beale's function, each
// evaluated from the results for every start as a row that holds (measured 1) or does not
// hold (measured 0); the lecture's claim is the prediction 1 (docs/studies.md#lecture).
//
// A run reaches the minimum when some recorded f ≤ kReached above the objective's global
// minimum value; it is trapped when it ends, not diverged, away from every global minimum
// (‖x − x*‖ > 1) without reaching it. Methods are recognised by optimizer name, and RMSProp
// with momentum by its stored momentum > 0. The claims:
//   gradient descent does not reach the minimum within the iteration cap
//   momentum is trapped away from the global minimum ("a local, but not global, minimum")
//   Nesterov momentum is trapped likewise
//   Adagrad reaches the minimum
//   RMSProp reaches it sooner than Adagrad
//   RMSProp with momentum reaches it before every other method
//   Adam reaches the minimum
#include <cmath>
#include <limits>
#include <map>

#include "descent/analysis/studies/study_runs.hpp"

namespace descent::studies {

namespace {

constexpr double kReached = 1e-6;
constexpr double kTrappedDistance = 1.0;

struct Outcome {
  const StudyRun* run = nullptr;
  double first_reached = std::numeric_limits<double>::infinity();  // iteration, ∞ if never
  bool trapped = false;
};

Outcome outcome_of(const StudyRun& run) {
  Outcome out{&run};
  const auto minima = run.objective->minima();
  const double f_star = minima.empty() ? 0.0 : minima.front().f;
  const Trace& t = run.trace();
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t.f[i] - f_star <= kReached) {
      out.first_reached = static_cast<double>(t.iter[i]);
      break;
    }
  double distance = std::numeric_limits<double>::infinity();
  for (const auto& minimum : minima)
    if (minimum.global) distance = std::min(distance, (run.stored.result.x_final - minimum.x).norm());
  out.trapped = run.index.status != "diverged" && std::isfinite(run.index.f_final) &&
                !std::isfinite(out.first_reached) && distance > kTrappedDistance;
  return out;
}

std::string method_of(const StudyRun& run) {
  if (run.index.optimizer == "rmsprop" && run.optimizer_param("momentum") > 0.0) return "rmsprop+momentum";
  return run.index.optimizer;
}

std::string start_text(const StudyRun& run) {
  std::string out = "start=(";
  const Vector& x0 = run.stored.spec.x0;
  for (Index i = 0; i < x0.size(); ++i) out.append(i ? " " : "").append(number_text(x0[i]));
  return out + ")";
}

}  // namespace

StudyResult analyse_lecture(const StudyRuns& runs) {
  // Outcomes per start (objective and start index), per method.
  std::map<std::pair<std::string, std::int64_t>, std::map<std::string, Outcome>> starts;
  for (const auto& run : runs)
    starts[{run.index.objective, run.index.start_index}].emplace(method_of(run), outcome_of(run));

  StudyResult result;
  Figure figure{"first_reached", "Iteration at which each method first reaches f − f* ≤ 1e-6 (missing: never)", {}, {}};
  for (const auto& start : starts) {
    // A named reference, not a structured binding: clang 14 (the fuzz build) cannot capture
    // a binding in a lambda.
    const auto& methods = start.second;
    const auto add = [&](const std::string& method, const std::string& claim, bool holds) {
      const auto it = methods.find(method);
      if (it == methods.end()) return;
      result.rows.push_back(row_for(*it->second.run, claim, start_text(*it->second.run), 1.0, holds ? 1.0 : 0.0));
    };
    const auto reached = [&](const std::string& method) {
      const auto it = methods.find(method);
      return it == methods.end() ? std::numeric_limits<double>::infinity() : it->second.first_reached;
    };
    const auto trapped = [&](const std::string& method) {
      const auto it = methods.find(method);
      return it != methods.end() && it->second.trapped;
    };
    add("gd", "gradient descent does not reach the minimum within the cap", !std::isfinite(reached("gd")));
    add("momentum", "momentum is trapped away from the global minimum", trapped("momentum"));
    add("nesterov", "Nesterov momentum is trapped away from the global minimum", trapped("nesterov"));
    add("adagrad", "Adagrad reaches the minimum", std::isfinite(reached("adagrad")));
    add("rmsprop", "RMSProp reaches the minimum sooner than Adagrad",
        std::isfinite(reached("rmsprop")) && reached("rmsprop") < reached("adagrad"));
    bool fastest = std::isfinite(reached("rmsprop+momentum"));
    for (const auto& [method, outcome] : methods)
      if (method != "rmsprop+momentum") fastest = fastest && reached("rmsprop+momentum") < outcome.first_reached;
    add("rmsprop+momentum", "RMSProp with momentum reaches the minimum before every other method", fastest);
    add("adam", "Adam reaches the minimum", std::isfinite(reached("adam")));

    const std::string panel = start_text(*methods.begin()->second.run);
    figure.panel(panel, "method", "first iteration with f − f* ≤ 1e-6", "linear", "log");
    double position = 0;
    for (const auto& [method, outcome] : methods) {
      figure.line(panel, outcome.run->index.label, "measured", {position}, {outcome.first_reached});
      position += 1;
    }
  }
  result.figures = {figure};
  result.notes = {"Each claim is a row: measured 1 when it holds in the results, 0 when it does not; the "
                  "lecture's claim is the prediction 1. Reaching the minimum means f - f* <= 1e-6."};
  return result;
}

}  // namespace descent::studies
