// Shared<T>: an immutable value that many expanded runs hold in common. A suite of 100,000
// runs over four optimizer variants has four distinct sets of hyperparameters and run
// settings, and one parameter map per objective instance; each run holds a pointer to its
// set (16 bytes) instead of a copy (RunSettings alone is ~360 bytes, a parameter map ~100
// bytes a key), which is what keeps an expanded suite small (docs/suites.md, its opening section).
//
// Reading goes through `*`, `->`, the conversion to `const T&`, `==` (of the values) and, for
// a container, begin() and end(); a run that needs a value of
// its own assigns a new one (`spec.settings = changed;`) or changes its own through `edit()`,
// which never changes what other runs see.
#pragma once

#include <concepts>
#include <memory>
#include <ranges>
#include <utility>

namespace descent {

template <class T>
class Shared {
 public:
  Shared() : value_(std::make_shared<T>()) {}
  Shared(T value) : value_(std::make_shared<T>(std::move(value))) {}

  const T& operator*() const { return *value_; }
  const T* operator->() const { return value_.get(); }
  operator const T&() const { return *value_; }
  friend bool operator==(const Shared& a, const Shared& b)
    requires std::equality_comparable<T>
  {
    return a.value_ == b.value_ || *a.value_ == *b.value_;
  }
  auto begin() const requires std::ranges::range<const T> { return value_->begin(); }
  auto end() const requires std::ranges::range<const T> { return value_->end(); }

  // The value for this holder to change: copied first when another holder shares it, so
  // the others keep theirs. For building a run, before runs are handed to threads.
  T& edit() {
    if (value_.use_count() > 1) value_ = std::make_shared<T>(*value_);
    return *value_;
  }

 private:
  std::shared_ptr<T> value_;
};

}  // namespace descent
