// The CSV building blocks: quoting and the long-form trace rows.
#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include "descent/analysis/tables.hpp"

using namespace descent;

TEST_CASE("CSV fields are quoted when they must be", "[analysis]") {
  REQUIRE(csv_field("plain") == "plain");
  REQUIRE(csv_field("a,b") == "\"a,b\"");
  REQUIRE(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  REQUIRE(csv_number(0.1) == "0.10000000000000001");
  REQUIRE(csv_number(std::numeric_limits<double>::infinity()) == "inf");
  REQUIRE(csv_number(-std::numeric_limits<double>::quiet_NaN()) == "nan");
}

TEST_CASE("a trace is written one row per record behind the run's key", "[analysis]") {
  Trace t;
  t.iter = {0, 10};
  t.f = {2.0, 0.5};
  t.grad_norm = {1.0, 0.25};
  t.raw_grad_norm = t.grad_norm;
  t.step_norm = {std::numeric_limits<double>::quiet_NaN(), 0.125};
  t.lr = {0.1, 0.1};
  t.evals_f = {1, 11};
  t.evals_grad = {1, 11};
  t.evals_hess = {0, 0};
  t.evals_hvp = {0, 0};
  t.seconds = {0.0, 0.5};
  std::ostringstream out;
  write_trace_header(out);
  write_trace_rows(out, {"abc", "gd, small", "quadratic κ=10", 1, 2}, t);
  REQUIRE(out.str() ==
          "run_id,label,objective,start_index,repeat,iter,f,grad_norm,raw_grad_norm,step_norm,lr,"
          "evals_f,evals_grad,evals_hess,evals_hvp,seconds\n"
          "abc,\"gd, small\",quadratic κ=10,1,2,0,2,1,1,nan,0.10000000000000001,1,1,0,0,0\n"
          "abc,\"gd, small\",quadratic κ=10,1,2,10,0.5,0.25,0.25,0.125,0.10000000000000001,11,11,0,0,0.5\n");
}
