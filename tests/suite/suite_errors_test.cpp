// Bad suite files: every kind of problem is a ConfigError whose message starts
// "FILE:LINE:COLUMN: KEY: " and states the rule broken.
#include <catch2/catch.hpp>

#include <string>

#include "descent/objectives/registry.hpp"
#include "descent/suite/suite.hpp"

using namespace descent;

namespace {

struct BadSuite {
  std::string problem;
  std::string text;
  std::string position;  // "LINE:COLUMN"
  std::string key;       // as the message shows it; key() is empty for "syntax"
  std::string rule;      // a fragment of the rule broken
};

// The objective and optimizer sections most cases share, on lines 2 to 5.
std::string with_objective(const std::string& objective_lines) {
  return "name = \"t\"\n[[objective]]\nname = \"beale\"\n" + objective_lines +
         "[[optimizer]]\nname = \"gd\"\n";
}
std::string with_optimizer(const std::string& optimizer_lines) {
  return "name = \"t\"\n[[objective]]\nname = \"beale\"\n[[optimizer]]\n" + optimizer_lines;
}
std::string with_run(const std::string& run_lines) {
  return "name = \"t\"\n[run]\n" + run_lines +
         "[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"gd\"\n";
}
const std::string kObjectiveAndOptimizer =
    "[[objective]]\nname = \"beale\"\n[[optimizer]]\nname = \"gd\"\n";

}  // namespace

TEST_CASE("every kind of bad input names the file, line, column, key and rule", "[suite][errors]") {
  const auto bad = GENERATE_REF(values<BadSuite>({
      // The document.
      {"malformed TOML", "name = \"t\"\nseed = \n", "2:8", "syntax", "expected value"},
      {"dangling comma", "name = \"t\"\n[run]\nstop = { step_norm = 1e-9, }\n", "3:28", "syntax",
       "dangling comma"},
      // Top-level keys.
      {"missing name", "seed = 2\n" + kObjectiveAndOptimizer, "1:1", "name",
       "required key 'name' is missing"},
      {"name of the wrong type", "name = 5\n" + kObjectiveAndOptimizer, "1:8", "name",
       "key 'name' must be string, got integer 5"},
      {"empty name", "name = \"\"\n" + kObjectiveAndOptimizer, "1:8", "name", "non-empty"},
      {"unknown top-level key", "name = \"t\"\nseeds = 3\n" + kObjectiveAndOptimizer, "2:1",
       "seeds",
       "unknown key 'seeds' (did you mean 'seed'?) (known keys: name, description, seed, repeats, run, objective, "
       "optimizer, study)"},
      {"negative seed", "name = \"t\"\nseed = -1\n" + kObjectiveAndOptimizer, "2:8", "seed",
       "key 'seed' = -1 breaks the rule 0 <= seed"},
      {"seed of the wrong type", "name = \"t\"\nseed = \"one\"\n" + kObjectiveAndOptimizer, "2:8",
       "seed", "key 'seed' must be an integer, got string \"one\""},
      {"zero repeats", "name = \"t\"\nrepeats = 0\n" + kObjectiveAndOptimizer, "2:11", "repeats",
       "key 'repeats' = 0 breaks the rule 1 <= repeats"},
      {"no objective", "name = \"t\"\n[[optimizer]]\nname = \"gd\"\n", "1:1", "objective",
       "at least one [[objective]]"},
      {"no optimizer", "name = \"t\"\n[[objective]]\nname = \"beale\"\n", "1:1", "optimizer",
       "at least one [[optimizer]]"},
      {"objective that is not a table",
       "name = \"t\"\nobjective = \"beale\"\n[[optimizer]]\nname = \"gd\"\n", "2:13", "objective",
       "must be one or more [[objective]] tables, got string \"beale\""},
      // [run].
      {"unknown run key", with_run("max_iters = 5\n"), "3:1", "run.max_iters",
       "unknown key 'max_iters' (did you mean 'max_iter'?) (known keys: max_iter, stop, record"},
      {"unknown stop rule", with_run("stop = { step = 1e-9 }\n"), "3:17", "run.stop.step",
       "unknown key 'step'"},
      {"stop rule out of range", with_run("stop = { step_norm = -1.0 }\n"), "3:22",
       "run.stop.step_norm", "key 'step_norm' = -1 breaks the rule 0 < step_norm"},
      {"run sub-table that is not a table", with_run("stop = 5\n"), "3:8", "run.stop",
       "key 'stop' must be a table such as stop = { ... }, got integer 5"},
      {"run key of the wrong type", with_run("max_iter = 1.5\n"), "3:12", "run.max_iter",
       "key 'max_iter' must be an integer, got real 1.5"},
      {"record rule out of range", with_run("record = { every = 0 }\n"), "3:20", "run.record.every",
       "key 'every' = 0 breaks the rule 1 <= every"},
      {"record thinned two ways", with_run("record = { every = 10, log = 20 }\n"), "3:30",
       "run.record.log", "keys 'log' and 'every' both thin the trace: set one of them"},
      {"run that is not a table", "name = \"t\"\nrun = 3\n" + kObjectiveAndOptimizer, "2:7", "run",
       "key 'run' must be a table"},
      // [[objective]].
      {"unknown objective key", with_objective("start = \"standard\"\n"), "4:1",
       "objective[0].start", "unknown key 'start' (did you mean 'starts'?) (known keys: name, params, sweep, starts)"},
      {"unknown objective",
       "name = \"t\"\n[[objective]]\nname = \"bael\"\n[[optimizer]]\nname = \"gd\"\n", "3:8",
       "objective[0].name",
       "unknown objective 'bael' (known objectives: beale, rosenbrock"},
      {"objective without a name",
       "name = \"t\"\n[[objective]]\nparams = {}\n[[optimizer]]\nname = \"gd\"\n", "2:1",
       "objective[0].name", "required key 'name' is missing"},
      {"objective parameter out of range",
       "name = \"t\"\n[[objective]]\nname = \"quadratic\"\nparams = { dim = 3, kappa = 0.5 "
       "}\n[[optimizer]]\nname = \"gd\"\n",
       "4:29", "objective[0].params.kappa", "key 'kappa' = 0.5 breaks the rule 1 <= kappa"},
      {"unknown objective parameter",
       "name = \"t\"\n[[objective]]\nname = \"quadratic\"\nparams = { dims = 3 "
       "}\n[[optimizer]]\nname = \"gd\"\n",
       "4:19", "objective[0].params.dims", "unknown key 'dims'"},
      {"invalid objective choice",
       "name = \"t\"\n[[objective]]\nname = \"quadratic\"\nparams = { spectrum = \"log\" "
       "}\n[[optimizer]]\nname = \"gd\"\n",
       "4:23", "objective[0].params.spectrum",
       "key 'spectrum' = \"log\" is not one of \"linear\", \"loguniform\""},
      {"objective cross-field rule",
       "name = \"t\"\n[[objective]]\nname = \"quadratic\"\nparams = { eigenvalues = [1.0, -2.0] "
       "}\n[[optimizer]]\nname = \"gd\"\n",
       "4:26", "objective[0].params.eigenvalues", "every eigenvalue must be finite and > 0"},
      {"params that are not a table", with_objective("params = 3\n"), "4:10", "objective[0].params",
       "key 'params' must be a table"},
      {"parameter that is a table",
       "name = \"t\"\n[[objective]]\nname = \"quadratic\"\nparams = { dim = { a = 1 } "
       "}\n[[optimizer]]\nname = \"gd\"\n",
       "4:18", "objective[0].params.dim",
       "must be a bool, number, string or list of numbers, got a table"},
      // starts.
      {"start of the wrong dimension", with_objective("starts = [[1.0, 2.0], [1.0, 2.0, 3.0]]\n"),
       "4:23", "objective[0].starts[1]",
       "start 1 has 3 coordinates, but objective 'beale' has dimension 2"},
      {"starts as a flat list", with_objective("starts = [1.0, 2.0]\n"), "4:11",
       "objective[0].starts[0]", "start 0 is real 1, not a point"},
      {"start with a coordinate that is not finite", with_objective("starts = [[1.0, nan]]\n"),
       "4:11", "objective[0].starts[0]", "start 0 = [1, nan] has a coordinate that is not finite"},
      {"start with a string coordinate", with_objective("starts = [[1.0, \"a\"]]\n"), "4:17",
       "objective[0].starts[0][1]",
       "key 'starts' must be a list of numbers, element 1 is string \"a\""},
      {"unknown starts name", with_objective("starts = \"random\"\n"), "4:10",
       "objective[0].starts", "key 'starts' = \"random\" is not a list of points"},
      {"starts of the wrong type", with_objective("starts = 3\n"), "4:10", "objective[0].starts",
       "key 'starts' must be a list of points such as [[2.0, -2.0]], \"standard\" or { random = K, "
       "box = [lo, hi] }, got integer 3"},
      {"empty starts", with_objective("starts = []\n"), "4:10", "objective[0].starts",
       "key 'starts' must list at least one point"},
      {"random starts without a box", with_objective("starts = { random = 4 }\n"), "4:10",
       "objective[0].starts.box", "'box' is missing"},
      {"random starts in an empty box", with_objective("starts = { random = 4, box = [4, -4] }\n"),
       "4:30", "objective[0].starts.box",
       "key 'box' must be [lo, hi] with finite lo < hi, got [4, -4]"},
      {"no random starts", with_objective("starts = { random = 0, box = [-1, 1] }\n"), "4:21",
       "objective[0].starts.random", "key 'random' = 0 breaks the rule 1 <= random"},
      {"unknown random-start key",
       with_objective("starts = { random = 2, box = [-1, 1], seed = 3 }\n"), "4:46",
       "objective[0].starts.seed", "unknown key 'seed'"},
      // [[optimizer]].
      {"learning rate out of range", with_optimizer("name = \"adam\"\nlr = -1\n"), "6:6",
       "optimizer[0].lr", "key 'lr' = -1 breaks the rule 0 < lr"},
      {"beta outside [0, 1)", with_optimizer("name = \"adam\"\nbeta1 = 1.0\n"), "6:9",
       "optimizer[0].beta1", "key 'beta1' = 1 breaks the rule 0 <= beta1 < 1"},
      {"unknown hyperparameter", with_optimizer("name = \"adam\"\nlrate = 0.1\n"), "6:1",
       "optimizer[0].lrate",
       "unknown key 'lrate' (known keys: name, label, sweep, run, lr, beta1, beta2, eps"},
      {"unknown optimizer", with_optimizer("name = \"adamw\"\n"), "5:8", "optimizer[0].name",
       "unknown optimizer 'adamw' (did you mean 'adam'?) (known optimizers: gd, momentum, nesterov, adagrad, rmsprop, "
       "adam"},
      {"optimizer without a name", with_optimizer("lr = 0.1\n"), "4:1", "optimizer[0].name",
       "required key 'name' is missing"},
      {"optimizer name of the wrong type", with_optimizer("name = [\"gd\"]\n"), "5:8",
       "optimizer[0].name", "key 'name' must be string, got a list"},
      {"hyperparameter of the wrong type", with_optimizer("name = \"adam\"\nlr = [0.1]\n"),
       "6:6", "optimizer[0].lr", "key 'lr' must be a real number, got list of reals"},
      {"hyperparameter string that is not a formula", with_optimizer("name = \"adam\"\nlr = \"fast\"\n"),
       "6:6", "optimizer[0].lr", "key 'lr' = \"fast\" is not a formula: at character 1, unknown name 'fast'"},
      {"flag of the wrong type", with_optimizer("name = \"adam\"\nbias_correction = 1\n"), "6:19",
       "optimizer[0].bias_correction", "key 'bias_correction' must be bool, got integer 1"},
      {"invalid choice", with_optimizer("name = \"adam\"\neps_placement = \"middle\"\n"), "6:17",
       "optimizer[0].eps_placement",
       "key 'eps_placement' = \"middle\" is not one of \"inside\", \"outside\""},
      {"hyperparameter that is a date", with_optimizer("name = \"adam\"\nlr = 1979-05-27\n"), "6:6",
       "optimizer[0].lr", "got a date or time"},
      {"label of the wrong type", with_optimizer("name = \"adam\"\nlabel = 3\n"), "6:9",
       "optimizer[0].label", "key 'label' must be string, got integer 3"},
      // sweeps.
      {"empty sweep list", with_optimizer("name = \"adam\"\nsweep = { lr = [] }\n"), "6:16",
       "optimizer[0].sweep.lr",
       "key 'lr' in sweep must be a non-empty list of values, { linspace = [a, b, n] } or { logspace = [a, b, n] }, got an empty list"},
      {"sweep of an unknown key", with_optimizer("name = \"adam\"\nsweep = { lrate = [0.1] }\n"),
       "6:11", "optimizer[0].sweep.lrate", "unknown key 'lrate' (known keys: lr, beta1"},
      {"sweep of the optimizer's name",
       with_optimizer("name = \"adam\"\nsweep = { name = [\"gd\"] }\n"), "6:11",
       "optimizer[0].sweep.name", "unknown key 'name'"},
      {"swept value out of range",
       with_optimizer("name = \"adam\"\nsweep = { lr = [0.1, -0.1] }\n"), "6:22",
       "optimizer[0].sweep.lr[1]", "key 'lr' = -0.1 breaks the rule 0 < lr"},
      {"sweep value that is not a list", with_optimizer("name = \"adam\"\nsweep = { lr = 0.1 }\n"),
       "6:16", "optimizer[0].sweep.lr", "or { logspace = [a, b, n] }, got real 0.1"},
      {"sweep that is not a table", with_optimizer("name = \"adam\"\nsweep = [0.1]\n"), "6:9",
       "optimizer[0].sweep", "key 'sweep' must be a table of value lists"},
      // run overrides.
      {"unknown run override", with_optimizer("name = \"gd\"\nrun = { max_iters = 5 }\n"), "6:9",
       "optimizer[0].run.max_iters", "unknown key 'max_iters'"},
      {"run override out of range",
       with_optimizer("name = \"gd\"\nrun = { stop = { grad_norm = 0 } }\n"), "6:30",
       "optimizer[0].run.stop.grad_norm", "key 'grad_norm' = 0 breaks the rule 0 < grad_norm"},
      {"run override that is not a table", with_optimizer("name = \"gd\"\nrun = 5\n"), "6:7",
       "optimizer[0].run", "key 'run' must be a table"},
      // duplicate cells.
      {"the same optimizer twice",
       with_optimizer("name = \"gd\"\nlr = 0.1\n[[optimizer]]\nname = \"gd\"\nlr = 1e-1\n"), "7:1",
       "optimizer[1]",
       "duplicate cell: run objective[0] (beale) start 0 × optimizer[1] (gd) repeat 0 "
       "is the same run as objective[0] (beale) start 0 × optimizer[0] (gd) repeat 0"},
      {"the same value twice in a sweep",
       with_optimizer("name = \"gd\"\nsweep = { lr = [0.1, 0.1] }\n"), "6:9", "optimizer[0].sweep",
       "duplicate cell"},
      {"the same objective twice",
       "name = \"t\"\n[[objective]]\nname = \"beale\"\n[[objective]]\nname = \"beale\"\nparams = "
       "{}\n"
       "[[optimizer]]\nname = \"gd\"\n",
       "4:1", "objective[1]", "is the same run as objective[0] (beale) start 0"},
  }));

  INFO(bad.problem);
  INFO(bad.text);
  try {
    parse_suite(bad.text, "suites/bad.toml", builtin_catalog());
    FAIL("no ConfigError");
  } catch (const ConfigError& error) {
    const std::string message = error.what();
    INFO(message);
    REQUIRE(message.starts_with("suites/bad.toml:" + bad.position + ": " + bad.key + ": "));
    REQUIRE_THAT(message, Catch::Matchers::Contains(bad.rule));
    REQUIRE(error.key() == (bad.key == "syntax" ? "" : bad.key));
  }
}
