#include "optiml/smooth/lbfgs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "optiml/core/huge_pages.hpp"
#include "optiml/core/solver_run.hpp"
#include "optiml/core/threads.hpp"
#include "optiml/linesearch/more_thuente.hpp"

namespace optiml {

namespace {

// Elements per block of the fused passes: the block of every stream stays in
// L2 while each stored vector is read from memory once per pass. Long blocks
// keep each of the 2m+3 streams sequential for longer (measured on a 2-core
// EPYC: 19 GB/s with 8 KiB runs, 26 GB/s with 128 KiB); at least 64 blocks
// balance the threads. Depends on n only, so the reduction order (and thus
// the bits) does not depend on the thread count.
Index block_length(Index n) { return std::clamp<Index>((n / 64) / 64 * 64, 1024, 16384); }

// The m most recent (s, y) pairs in a ring, with the inner products the
// two-loop recursion needs: s_i.y_j, y_i.y_j, s_i.g and y_i.g (never s_i.s_j).
class PairMemory {
 public:
  PairMemory(Index n, long m, int threads)
      : m_(m), threads_(threads), s_(m), y_(m), sy_(m, m), yy_(m, m), sg_(m), yg_(m), cs_(m), cy_(m), alpha_(m) {
    for (long i = 0; i < m; ++i) {
      s_[i].resize(n);
      y_[i].resize(n);
      advise_huge_pages(s_[i]);
      advise_huge_pages(y_[i]);
    }
  }

  long size() const { return count_; }
  void clear() {
    count_ = 0;
    head_ = 0;
  }
  long slot(long k) const { return (head_ + k) % m_; }

  // d = -H g with the current pairs (N&W Algorithm 7.4, on inner products); returns g.d.
  double direction(const Vector& g, Vector& d, double& d_inf) {
    const long c = count_;
    for (long k = 0; k < c; ++k) cy_[k] = 0.0, cs_[k] = 0.0;
    // First loop, newest to oldest: alpha_i = rho_i s_i.q with q = g + sum cy_l y_l.
    for (long k = c - 1; k >= 0; --k) {
      const long i = slot(k);
      double sq = sg_[i];
      for (long l = k + 1; l < c; ++l) sq += cy_[l] * sy_(i, slot(l));
      alpha_[k] = sq / sy_(i, i);
      cy_[k] -= alpha_[k];
    }
    // H0 = gamma I with gamma = s.y / y.y of the newest pair (N&W 7.20).
    const long newest = slot(c - 1);
    const double gamma = sy_(newest, newest) / yy_(newest, newest);
    for (long k = 0; k < c; ++k) cy_[k] *= gamma;
    // Second loop, oldest to newest: beta_i = rho_i y_i.r, r += (alpha_i - beta_i) s_i.
    for (long k = 0; k < c; ++k) {
      const long i = slot(k);
      double yr = gamma * yg_[i];
      for (long l = 0; l < c; ++l) yr += cy_[l] * yy_(i, slot(l));
      for (long l = 0; l < k; ++l) yr += cs_[l] * sy_(slot(l), i);
      cs_[k] += alpha_[k] - yr / sy_(i, i);
    }
    // One pass: d = -(gamma g + sum cs_k s_k + sum cy_k y_k), with g.d and |d|_inf.
    const Index n = g.size();
    const Index block = block_length(n);
    const Index blocks = (n + block - 1) / block;
    partial_.resize(2, blocks);
#pragma omp parallel for schedule(static) num_threads(threads_) if (n > 16384)
    for (Index blk = 0; blk < blocks; ++blk) {
      const Index b = blk * block;
      const Index len = std::min(block, n - b);
      auto db = d.segment(b, len);
      db = -gamma * g.segment(b, len);
      for (long k = 0; k < c; ++k) {
        const long i = slot(k);
        db -= cs_[k] * s_[i].segment(b, len) + cy_[k] * y_[i].segment(b, len);
      }
      partial_(0, blk) = g.segment(b, len).dot(db);
      partial_(1, blk) = db.cwiseAbs().maxCoeff();
    }
    // Reduced in block order, so the bits do not depend on the number of threads.
    double gd = 0.0;
    d_inf = 0.0;
    for (Index blk = 0; blk < blocks; ++blk) {
      gd += partial_(0, blk);
      d_inf = std::max(d_inf, partial_(1, blk));
    }
    return gd;
  }

  // After a step alpha along d from the point with gradient g_old to the one
  // with gradient g: stores s = alpha d (taking d's storage) and y = g - g_old,
  // and refreshes every inner product in one fused pass. Returns |g|_inf.
  // A pair without positive curvature (s.y <= eps y.y) is not kept.
  double push(double alpha, Vector& d, const Vector& g, const Vector& g_old) {
    long p;
    if (count_ == m_) {
      p = head_;
      head_ = (head_ + 1) % m_;
      --count_;
    } else {
      p = slot(count_);
    }
    std::swap(s_[p], d);
    const long c = count_;  // pairs kept besides the new one
    const Index n = g.size();
    const Index block = block_length(n);
    const Index blocks = (n + block - 1) / block;
    // Per block: g.s_k, g.y_k, y.s_k, y.y_k, s.y_k for each kept pair k, then
    // g.s, g.y, s.y, y.y of the new pair and |g|_inf.
    const Index width = 5 * c + 5;
    partial_.resize(width, blocks);
    Vector& sp = s_[p];
    Vector& yp = y_[p];
#pragma omp parallel for schedule(static) num_threads(threads_) if (n > 16384)
    for (Index blk = 0; blk < blocks; ++blk) {
      const Index b = blk * block;
      const Index len = std::min(block, n - b);
      double* acc = partial_.col(blk).data();
      auto gb = g.segment(b, len);
      auto sb = sp.segment(b, len);
      auto yb = yp.segment(b, len);
      sb *= alpha;
      yb = gb - g_old.segment(b, len);
      for (long k = 0; k < c; ++k) {
        const long i = slot(k);
        auto si = s_[i].segment(b, len);
        auto yi = y_[i].segment(b, len);
        acc[5 * k] = gb.dot(si);
        acc[5 * k + 1] = gb.dot(yi);
        acc[5 * k + 2] = yb.dot(si);
        acc[5 * k + 3] = yb.dot(yi);
        acc[5 * k + 4] = sb.dot(yi);
      }
      acc[5 * c] = gb.dot(sb);
      acc[5 * c + 1] = gb.dot(yb);
      acc[5 * c + 2] = sb.dot(yb);
      acc[5 * c + 3] = yb.squaredNorm();
      acc[5 * c + 4] = gb.cwiseAbs().maxCoeff();
    }
    // Reduced in block order, so the bits do not depend on the number of threads.
    Vector sums = Vector::Zero(width - 1);
    double g_inf = 0.0;
    for (Index blk = 0; blk < blocks; ++blk) {
      sums += partial_.col(blk).head(width - 1);
      g_inf = std::max(g_inf, partial_(width - 1, blk));
    }
    for (long k = 0; k < c; ++k) {
      const long i = slot(k);
      sg_[i] = sums[5 * k];
      yg_[i] = sums[5 * k + 1];
      sy_(i, p) = sums[5 * k + 2];
      yy_(i, p) = yy_(p, i) = sums[5 * k + 3];
      sy_(p, i) = sums[5 * k + 4];
    }
    const double gs_new = sums[5 * c], gy_new = sums[5 * c + 1], sy_new = sums[5 * c + 2],
                 yy_new = sums[5 * c + 3];
    // Keep the pair only with positive curvature, so that H stays positive definite (N&W 6.7).
    if (sy_new > std::numeric_limits<double>::epsilon() * yy_new && yy_new > 0) {
      sg_[p] = gs_new;
      yg_[p] = gy_new;
      sy_(p, p) = sy_new;
      yy_(p, p) = yy_new;
      ++count_;
    }
    return g_inf;
  }

  static constexpr long kMaxMemory = 1000;

 private:
  long m_;
  int threads_;
  long head_ = 0, count_ = 0;
  Matrix partial_;  // per-block partial sums of the fused passes
  std::vector<Vector> s_, y_;
  Matrix sy_, yy_;
  Vector sg_, yg_, cs_, cy_, alpha_;
};

}  // namespace

const OptionTable<LBFGS::Options>& LBFGS::option_table() {
  static const OptionTable<Options> table = [] {
    OptionTable<Options> t("lbfgs");
    add_common_options(t);
    t.add<long>("memory", [](Options& o) -> long& { return o.memory; },
                "number of (s, y) pairs kept (m)", 1, PairMemory::kMaxMemory);
    t.add("c1", [](Options& o) -> double& { return o.c1; },
          "sufficient-decrease constant of the strong Wolfe line search", 0.0, 1.0);
    t.add("c2", [](Options& o) -> double& { return o.c2; },
          "curvature constant of the strong Wolfe line search (c1 < c2 < 1)", 0.0, 1.0);
    t.add<long>("max_linesearch", [](Options& o) -> long& { return o.max_linesearch; },
                "function evaluations per line search", 1, 1000);
    t.add<long>("threads", [](Options& o) -> long& { return o.threads; },
                "threads for the vector passes; 0 = OPTIML_NUM_THREADS or all cores", 0, 1024);
    return t;
  }();
  return table;
}

Result LBFGS::minimize(const Objective& f, const Vector& x0) const {
  option_table().validate(options_);
  if (!(options_.c1 < options_.c2))
    throw InvalidArgument("option 'c1' of lbfgs must be smaller than 'c2'");
  SolverRun run("lbfgs", f, x0, options_);
  const Index n = x0.size();
  Vector x(n), g(n), x_trial(n), g_trial(n), d(n);
  for (Vector* v : {&x, &g, &x_trial, &g_trial, &d}) advise_huge_pages(*v);
  x = x0;
  double fx = run.value_and_gradient(x, g);
  double g_inf = g.lpNorm<Eigen::Infinity>();
  Status status = run.start(x, fx, g_inf);

  WolfeOptions wolfe;
  wolfe.c1 = options_.c1;
  wolfe.c2 = options_.c2;
  wolfe.max_trials = options_.max_linesearch;
  PairMemory memory(n, options_.memory, resolve_threads(options_.threads));
  bool retried = false;

  while (status == Status::Running) {
    double d_inf = 0.0, gd, alpha0 = 1.0;
    if (memory.size() == 0) {
      d = -g;
      gd = -g.squaredNorm();
      d_inf = g_inf;
      alpha0 = 1.0 / std::sqrt(-gd);  // first step as in L-BFGS-B
    } else {
      gd = memory.direction(g, d, d_inf);
      if (!(gd < 0)) {  // lost descent through rounding: restart from steepest descent
        memory.clear();
        continue;
      }
    }
    LineFunction phi(run, x, d, x_trial, g_trial);
    LineSearchResult ls = more_thuente(phi, fx, gd, alpha0, wolfe);
    if (!ls.success || !phi.gradient_current() || !std::isfinite(ls.f)) {
      if (memory.size() > 0 && !retried) {  // the quasi-Newton model misled the search: start over
        memory.clear();
        retried = true;
        continue;
      }
      status = line_search_failure_status(run);
      break;
    }
    retried = false;
    std::swap(x, x_trial);
    std::swap(g, g_trial);
    const double f_prev = fx;
    fx = ls.f;
    g_inf = memory.push(ls.step, d, g, g_trial);

    IterationRecord rec = IterationRecord::step_record(fx, g_inf, ls.step, ls.evaluations,
                                                      ls.accepted_by);
    status = run.end_iteration(std::move(rec), x, f_prev, ls.step * d_inf);
  }
  return run.finish(x, fx, g_inf, status);
}

}  // namespace optiml
