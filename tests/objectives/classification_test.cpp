// Logistic and softmax regression: label smoothing against the hard-target formulas written
// out by hand, the smoothed targets, the synthetic data's controls, and the CSV loader's
// errors.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include <Eigen/Eigenvalues>

#include "descent/objectives/training/logistic_regression.hpp"
#include "descent/objectives/training/softmax_regression.hpp"
#include "descent/objectives/training/tanh_mlp.hpp"
#include "descent/objectives/training/training_data.hpp"
#include "support/classification_data.hpp"
#include "support/run_method.hpp"
#include "support/temporary_directory.hpp"
#include "support/tolerances.hpp"

using namespace descent;
using Catch::Matchers::WithinRel;
using Catch::Matchers::Contains;

namespace {

Vector random_point(Index n, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> coordinate(-1.0, 1.0);
  Vector x(n);
  for (Index i = 0; i < n; ++i) x[i] = coordinate(rng);
  return x;
}

// A file in the build tree for one test, removed at the end of the scope.
class TemporaryFile {
 public:
  TemporaryFile(const std::string& name, const std::string& text)
      : path_(std::filesystem::path(DESCENT_BINARY_DIR) / ("test-" + name)) {
    std::ofstream(path_) << text;
  }
  ~TemporaryFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

std::string csv_error(const std::string& text, const char* objective = "softmax_regression") {
  // A file name of its own per case: the CSV cache tells files apart by modification time
  // and size, and two rewrites of one name within a clock tick can agree on both.
  static int cases = 0;
  const TemporaryFile file("bad-" + std::to_string(++cases) + ".csv", text);
  try {
    if (std::string(objective) == "logistic_regression") {
      LogisticRegression::Params params;
      params.data.csv = file.path();
      LogisticRegression{params};
    } else {
      SoftmaxRegression::Params params;
      params.data.csv = file.path();
      SoftmaxRegression{params};
    }
  } catch (const ConfigError& error) {
    REQUIRE(error.key() == "csv");
    return std::string(error.what()).substr(file.path().size());
  }
  FAIL("no ConfigError for the CSV text:\n" << text);
  return {};
}

}  // namespace

TEST_CASE("smoothed targets sum to one and are the hard targets at α = 0", "[training][label_smoothing]") {
  for (const double alpha : {0.0, 0.1, 0.5, 1.0}) {
    const Vector t = smoothed_targets(2, 5, alpha);
    REQUIRE_THAT(t.sum(), WithinRel(1.0, 1e-15));
    REQUIRE(t[2] == (1.0 - alpha) + alpha / 5.0);
    REQUIRE(t[0] == alpha / 5.0);
  }
  REQUIRE(smoothed_targets(1, 3, 0.0) == Vector{{0.0, 1.0, 0.0}});
}

TEST_CASE("logistic regression at α = 0 is the hard-target cross-entropy", "[training][label_smoothing]") {
  const LogisticRegression objective({.loss = {.l2 = 0.03}});
  std::mt19937_64 rng(Catch::rngSeed());
  const Vector w = random_point(objective.dim(), rng);
  const Matrix& x = objective.inputs();
  const Index m = x.cols();
  double f = 0.0;
  Vector g = 0.03 * w;
  for (Index i = 0; i < m; ++i) {
    const double y = objective.targets()[i];
    REQUIRE((y == 0.0 || y == 1.0));
    const double p = 1.0 / (1.0 + std::exp(-x.col(i).dot(w)));
    f += -(y * std::log(p) + (1.0 - y) * std::log(1.0 - p)) / static_cast<double>(m);
    g += (p - y) * x.col(i) / static_cast<double>(m);
  }
  f += 0.5 * 0.03 * w.squaredNorm();
  Vector g_analytic;
  REQUIRE_THAT(objective.value_gradient(w, g_analytic), WithinRel(f, 1e-13));
  for (Index j = 0; j < objective.dim(); ++j) REQUIRE_THAT(g_analytic[j], WithinRel(g[j], 1e-12));
}

TEST_CASE("softmax regression at α = 0 is −log p of the true class", "[training][label_smoothing]") {
  const SoftmaxRegression objective({.classes = 4, .loss = {.l2 = 0.0}});
  std::mt19937_64 rng(Catch::rngSeed());
  const Vector theta = random_point(objective.dim(), rng);
  const Matrix& x = objective.inputs();
  const Index K = 4, p = x.rows(), m = x.cols();
  double f = 0.0;
  Vector g = Vector::Zero(objective.dim());
  for (Index i = 0; i < m; ++i) {
    Index label = 0;
    objective.targets().col(i).maxCoeff(&label);
    REQUIRE(objective.targets()(label, i) == 1.0);
    Vector z(K);
    for (Index k = 0; k < K; ++k) z[k] = theta.segment(k * p, p).dot(x.col(i));
    const Vector prob = z.array().exp() / z.array().exp().sum();
    f -= std::log(prob[label]) / static_cast<double>(m);
    for (Index k = 0; k < K; ++k)
      g.segment(k * p, p) += (prob[k] - (k == label ? 1.0 : 0.0)) * x.col(i) / static_cast<double>(m);
  }
  Vector g_analytic;
  REQUIRE_THAT(objective.value_gradient(theta, g_analytic), WithinRel(f, 1e-13));
  REQUIRE((g_analytic - g).cwiseAbs().maxCoeff() <= 1e-13 * std::max(1.0, g.cwiseAbs().maxCoeff()));
}

TEST_CASE("label smoothing mixes the hard loss with the uniform one", "[training][label_smoothing][theory]") {
  // H(y^LS, p) = (1 − α) H(y, p) + α H(u, p), u uniform: the loss is linear in α.
  const double alpha = 0.3;
  const SoftmaxRegression hard({.classes = 3, .loss = {.l2 = 0.0}});
  const SoftmaxRegression smooth({.classes = 3, .loss = {.l2 = 0.0, .label_smoothing = alpha}});
  const SoftmaxRegression uniform({.classes = 3, .loss = {.l2 = 0.0, .label_smoothing = 1.0}});
  std::mt19937_64 rng(Catch::rngSeed());
  const Vector theta = random_point(hard.dim(), rng);
  REQUIRE_THAT(smooth.value(theta),
               WithinRel((1.0 - alpha) * hard.value(theta) + alpha * uniform.value(theta), 1e-13));
  for (Index i = 0; i < smooth.targets().cols(); ++i)
    REQUIRE_THAT(smooth.targets().col(i).sum(), WithinRel(1.0, 1e-15));
  const LogisticRegression binary({.loss = {.label_smoothing = alpha}});
  for (Index i = 0; i < binary.targets().size(); ++i)
    REQUIRE((binary.targets()[i] == alpha / 2 || binary.targets()[i] == 1.0 - alpha / 2));
}

TEST_CASE("feature scaling conditions the logistic Hessian", "[training][data]") {
  const auto condition = [](double scale) {
    LogisticRegression::Params params;
    params.data.examples = 200;
    params.data.features = 4;
    params.data.scale = scale;
    params.loss.l2 = 1e-6;
    const LogisticRegression objective(params);
    Matrix h;
    objective.hessian(Vector::Zero(objective.dim()), h);
    const Vector lambda = Eigen::SelfAdjointEigenSolver<Matrix>(h).eigenvalues();
    return lambda.maxCoeff() / lambda.minCoeff();
  };
  const double base = condition(1.0);
  const double scaled = condition(100.0);
  REQUIRE(scaled > 100.0 * base);
}

TEST_CASE("separation moves the class means apart", "[training][data]") {
  ClassificationDataParams params;
  params.examples = 400;
  params.features = 2;
  params.separation = 5.0;
  const LabelledData data = load_classification(params, 2);
  Vector mean0 = Vector::Zero(2), mean1 = Vector::Zero(2);
  for (Index i = 0; i < 400; ++i)
    (data.labels[static_cast<std::size_t>(i)] == 0 ? mean0 : mean1) += data.inputs.col(i) / 200.0;
  // Means at distance 5 from the origin, estimated from 200 unit-variance samples each.
  REQUIRE(std::fabs(mean0.norm() - 5.0) < 0.5);
  REQUIRE(std::fabs(mean1.norm() - 5.0) < 0.5);
}

TEST_CASE("a CSV file of features and labels loads, header and comments skipped", "[training][csv]") {
  const TemporaryFile file("good.csv",
                           "x1, x2, label\n# a comment\n1.5, -2, 0\n\n0.25,3e-1,2\r\n-1,+4,1\n");
  SoftmaxRegression::Params params;
  params.data.csv = file.path();
  const SoftmaxRegression objective(params);
  REQUIRE(objective.classes() == 3);
  REQUIRE(objective.num_terms() == 3);
  REQUIRE(objective.dim() == 9);
  REQUIRE(objective.inputs().col(1) == Vector{{0.25, 0.3, 1.0}});
  REQUIRE(objective.targets().col(2) == Vector{{0.0, 1.0, 0.0}});
}

TEST_CASE("bad CSV files are configuration errors naming file, line and column", "[training][csv][config]") {
  REQUIRE_THAT(csv_error("1,2,0\n3,abc,1\n"), Contains(":2:3: 'abc' is not a number"));
  REQUIRE_THAT(csv_error("a,b,label\n1,2,0\n3,4\n"), Contains(":3: expected 3 fields (as the first line), got 2"));
  REQUIRE_THAT(csv_error("1,2,0\n3,4, 1.5\n"), Contains(":2:6: the label 1.5 is not a class index"));
  REQUIRE_THAT(csv_error("1,2,0\n3,4,-1\n"), Contains(":2:5: the label -1 is not a class index"));
  REQUIRE_THAT(csv_error("1,nan,0\n"), Contains(":1:3: 'nan' is not a finite number"));
  REQUIRE_THAT(csv_error("1,2,0\n3,4,0\n"), Contains("at least two are needed"));
  REQUIRE_THAT(csv_error("# nothing\n\n"), Contains("no data lines"));
  REQUIRE_THAT(csv_error("1,2,0\n3,4,2\n", "logistic_regression"), Contains(":2:5: the label 2 is not below 2"));
  SoftmaxRegression::Params missing;
  missing.data.csv = "/nonexistent/descent-data.csv";
  REQUIRE_THROWS_WITH(SoftmaxRegression{missing}, Contains("cannot open the CSV file '/nonexistent/descent-data.csv'"));
}

TEST_CASE("a CSV data set is parsed once and shared until the file changes", "[training][csv][cache]") {
  namespace fs = std::filesystem;
  const TemporaryFile file("cached.csv", "1.5, -2, 0\n0.25, 3, 1\n");
  SoftmaxRegression::Params params;
  params.data.csv = file.path();
  const auto first = read_csv_table(file.path());
  const SoftmaxRegression objective(params);
  REQUIRE(read_csv_table(file.path()) == first);  // the same table, not a new parse
  REQUIRE(objective.inputs()(0, 0) == 1.5);

  // Same size, same modification time: taken for the same file, so the cache answers.
  const auto modified = fs::last_write_time(file.path());
  std::ofstream(file.path()) << "7.5, -2, 0\n0.25, 3, 1\n";
  fs::last_write_time(file.path(), modified);
  REQUIRE(read_csv_table(file.path()) == first);
  REQUIRE(SoftmaxRegression(params).inputs()(0, 0) == 1.5);

  // A new modification time: parsed again.
  fs::last_write_time(file.path(), modified + std::chrono::seconds(1));
  const auto second = read_csv_table(file.path());
  REQUIRE(second != first);
  REQUIRE(SoftmaxRegression(params).inputs()(0, 0) == 7.5);
  REQUIRE(first->values(0, 0) == 1.5);  // a holder of the old table keeps it intact
}

TEST_CASE("a CSV path that is not a regular file is refused without opening it", "[training][csv][config]") {
  const test::TemporaryDirectory dir;
  const auto fifo = dir / "data.csv";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto kind = GENERATE(as<std::string>{}, "directory", "fifo", "device");
  const std::string path = kind == "directory" ? DESCENT_BINARY_DIR
                           : kind == "fifo"    ? fifo.string()
                                               : "/dev/zero";
  SoftmaxRegression::Params params;
  params.data.csv = path;
  REQUIRE_THROWS_WITH(SoftmaxRegression{params},
                      Contains("the CSV file '" + path + "' is not a regular file"));
}

TEST_CASE("a CSV file larger than the limit is refused before it is read", "[training][csv][config]") {
  const test::TemporaryDirectory dir;
  const auto path = dir / "large.csv";
  std::ofstream(path).flush();
  std::filesystem::resize_file(path, kMaxCsvFileBytes + 1);  // sparse: nothing written
  SoftmaxRegression::Params params;
  params.data.csv = path.string();
  REQUIRE_THROWS_WITH(SoftmaxRegression{params},
                      Contains("cannot read the CSV file '" + path.string() +
                               "': it is larger than 1073741824 bytes, the most read from such "
                               "a file"));
}

TEST_CASE("the cross-entropy near the optimum is accurate to a few ulps",
          "[training][softmax][rounding]") {
  // Well separated classes make the logits large and f small: the loss summed as
  // Σ log Σ exp z − Σ tᵀz would cancel two sums ~50× larger than the result. The reference is
  // the objective's own formula in long double (64-bit significand).
  const SoftmaxRegression softmax(
      {.data = test::synthetic_classes(600, 6, 4.0), .classes = 5, .loss = {.l2 = 1e-4}});
  TanhMlp::Params mlp_params;
  mlp_params.task = MlpTask::kClassification;
  mlp_params.data = test::synthetic_classes(300, 4, 4.0);
  mlp_params.hidden = 8;
  mlp_params.classes = 3;
  mlp_params.loss.l2 = 1e-4;
  const TanhMlp mlp(mlp_params);
  const auto relative_error = [](const auto& objective, const Vector& theta) {
    const std::vector<long double> wide(theta.data(), theta.data() + theta.size());
    const long double reference = objective.template evaluate<long double>(wide);
    return static_cast<double>(std::fabs((static_cast<long double>(objective.value(theta)) - reference) /
                                         reference));
  };
  RunSettings settings;
  settings.max_iter = 2000;
  settings.stop.grad_norm_inf = 1e-9;
  for (const Objective* objective : {static_cast<const Objective*>(&softmax),
                                     static_cast<const Objective*>(&mlp)}) {
    const auto result = test::run_method("lbfgs", {}, *objective, objective->standard_starts().front(),
                                         settings);
    const double error = objective == &softmax ? relative_error(softmax, result.x_final)
                                               : relative_error(mlp, result.x_final);
    INFO((objective == &softmax ? "softmax_regression" : "tanh_mlp") << ": f = " << result.f_final
                                                                      << ", relative error " << error);
    REQUIRE(error <= test::kRoundedSum);
  }
}
