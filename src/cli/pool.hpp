// Doing the same work for many inputs on several threads, with the results used in input order.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace fzcheck::cli {

// Calls work(i) for every i in [0, count) on `jobs` threads (on this one when jobs is 1) and
// use(i, result) on this thread in the order of i, each as soon as it and all before it are done.
template <class Work, class Use>
void run_in_order(std::size_t count, unsigned jobs, Work work, Use use) {
  using Result = decltype(work(std::size_t{0}));
  if (jobs <= 1 || count <= 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Result r = work(i);
      use(i, r);
    }
    return;
  }
  std::vector<std::optional<Result>> results(count);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> workers;
  for (std::size_t w = 0; w < std::min<std::size_t>(jobs, count); ++w) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next++) < count;) {
        Result r = work(i);
        std::lock_guard lock(mutex);
        results[i] = std::move(r);
        ready.notify_all();
      }
    });
  }
  for (std::size_t i = 0; i < count; ++i) {
    std::unique_lock lock(mutex);
    ready.wait(lock, [&] { return results[i].has_value(); });
    Result r = std::move(*results[i]);
    results[i].reset();
    lock.unlock();
    use(i, r);
  }
}

}  // namespace fzcheck::cli
