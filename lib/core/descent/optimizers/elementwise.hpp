// for_each_element(n, body): the loop of every step rule, calling body(i) for i = 0, …, n − 1,
// compiled for the CPU it runs on. body(i) reads and writes only element i of arrays that do
// not overlap one another (an array may be read and written in place).
//
// A step is one pass over n-element arrays and should run at memory bandwidth. Built for the
// x86-64 baseline, the compiler vectorises with 2-wide SSE2 doubles, and there the square
// root and the division of the adaptive rules cost more than the memory traffic: at n = 10⁷
// an f64 Adagrad step reaches about half the bandwidth of a stream a ← a + s·b, Adam about 70%
// (bench/first_order_steps.cpp, AMD EPYC). So on x86-64 the loop is compiled a second time for
// AVX2 and chosen once at run time by the CPU's features; with 4-wide doubles Adam reaches the
// stream's bandwidth and Adagrad about 90%, where its square roots and divisions alone take
// about as long as its memory traffic.
//
// The AVX2 version enables no FMA: both versions compute the same correctly rounded
// operations in the same order, so a step's result is identical bit for bit whichever runs.
#pragma once

#include "descent/core/types.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define DESCENT_ELEMENTWISE_AVX2 1
#else
#define DESCENT_ELEMENTWISE_AVX2 0
#endif

// The arrays of a step never overlap, so no iteration depends on another: the compiler may
// vectorise without run-time overlap checks (clang gives up on loops with four arrays).
#if defined(__clang__)
#define DESCENT_INDEPENDENT_ITERATIONS _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define DESCENT_INDEPENDENT_ITERATIONS _Pragma("GCC ivdep")
#else
#define DESCENT_INDEPENDENT_ITERATIONS
#endif

namespace descent {

namespace detail {

template <class Body>
void elementwise_loop(Index n, Body body) {
  DESCENT_INDEPENDENT_ITERATIONS
  for (Index i = 0; i < n; ++i) body(i);
}

#if DESCENT_ELEMENTWISE_AVX2
template <class Body>
[[gnu::target("avx2")]] void elementwise_loop_avx2(Index n, Body body) {
  DESCENT_INDEPENDENT_ITERATIONS
  for (Index i = 0; i < n; ++i) body(i);
}

inline bool cpu_has_avx2() {
  static const bool has_avx2 = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has_avx2;
}
#endif

}  // namespace detail

template <class Body>
void for_each_element(Index n, Body body) {
#if DESCENT_ELEMENTWISE_AVX2
  if (detail::cpu_has_avx2()) {
    detail::elementwise_loop_avx2(n, body);
    return;
  }
#endif
  detail::elementwise_loop(n, body);
}

}  // namespace descent
