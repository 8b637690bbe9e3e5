// The registry entries of the smooth module, in the order `optiml list solvers` shows them.
#include "optiml/smooth/register.hpp"

#include "optiml/smooth/lbfgs.hpp"
#include "optiml/smooth/bfgs.hpp"
#include "optiml/smooth/gauss_newton.hpp"
#include "optiml/smooth/levenberg_marquardt.hpp"
#include "optiml/smooth/newton.hpp"
#include "optiml/smooth/newton_cg.hpp"
#include "optiml/smooth/trust_region.hpp"
#include "optiml/smooth/gradient_descent.hpp"
#include "optiml/smooth/heavy_ball.hpp"
#include "optiml/smooth/nesterov.hpp"
#include "optiml/smooth/conjugate_gradient.hpp"

namespace optiml {

void register_smooth_solvers(SolverRegistry& r) {
  // Each solver adds one line here: r.add(make_solver_info<Class>(name, aliases, family, summary, reference));
  r.add(make_solver_info<LBFGS>("lbfgs", {"l-bfgs"}, "smooth",
                                 "limited-memory BFGS, two-loop recursion, strong Wolfe line search",
                                 "Liu & Nocedal 1989; Nocedal & Wright 2006, Alg. 7.4-7.5"));
  r.add(make_solver_info<GradientDescent>(
      "gradient-descent", {"gd", "steepest-descent"}, "smooth",
      "gradient descent with fixed, Armijo, Barzilai-Borwein (nonmonotone) or exact steps",
      "Nocedal & Wright 2006, 3.1-3.3; Barzilai & Borwein 1988; Raydan 1997"));
  r.add(make_solver_info<HeavyBall>("heavy-ball", {"polyak"}, "smooth",
                                    "Polyak's heavy-ball momentum with function-value restart",
                                    "Polyak 1964; O'Donoghue & Candes 2015"));
  r.add(make_solver_info<Nesterov>("nesterov", {"agd", "accelerated-gradient"}, "smooth",
                                   "Nesterov's accelerated gradient, backtracking and adaptive restart",
                                   "Nesterov 1983; Beck & Teboulle 2009; O'Donoghue & Candes 2015"));
  r.add(make_solver_info<ConjugateGradient>("cg", {"conjugate-gradient", "nonlinear-cg"}, "smooth",
                                            "nonlinear conjugate gradient (FR, PR+, HZ), strong Wolfe search",
                                            "Nocedal & Wright 2006, 5.2; Hager & Zhang 2005, 2006"));
  r.add(make_solver_info<Newton>("newton", {}, "smooth",
                                  "Newton with modified Hessian (Cholesky shift or eigenvalues) and Armijo",
                                  "Nocedal & Wright 2006, 3.4, Alg. 3.2-3.3", true));
  r.add(make_solver_info<BFGS>("bfgs", {}, "smooth",
                               "quasi-Newton BFGS on the inverse Hessian, strong Wolfe line search",
                               "Nocedal & Wright 2006, Alg. 6.1"));
  r.add(make_solver_info<NewtonCG>("newton-cg", {"truncated-newton", "newton-krylov"}, "smooth",
                                   "truncated Newton: CG on Hessian-vector products, Armijo line search",
                                   "Nocedal & Wright 2006, Alg. 7.1; Dembo & Steihaug 1983", true));
  r.add(make_solver_info<TrustRegionDogleg>("trust-dogleg", {"dogleg"}, "smooth",
                                            "trust region with the dogleg step on the (shifted) Hessian",
                                            "Nocedal & Wright 2006, Alg. 4.1, 4.1 (dogleg)", true));
  r.add(make_solver_info<TrustRegionSteihaug>("trust-steihaug", {"trust-ncg", "steihaug"}, "smooth",
                                              "trust region with Steihaug-Toint CG on Hessian-vector products",
                                              "Nocedal & Wright 2006, Alg. 4.1, 7.2; Steihaug 1983", true));
  r.add(make_solver_info<TrustRegionCauchy>("trust-cauchy", {"cauchy-point"}, "smooth",
                                            "trust region with the Cauchy point (model steepest descent)",
                                            "Nocedal & Wright 2006, Alg. 4.1, 4.2", true));
  r.add(make_solver_info<GaussNewton, LeastSquares>("gauss-newton", {"gn"}, "least-squares",
                                                    "Gauss-Newton (QR or normal equations), Armijo line search",
                                                    "Nocedal & Wright 2006, 10.3"));
  r.add(make_solver_info<LevenbergMarquardt, LeastSquares>(
      "levenberg-marquardt", {"lm", "levmar"}, "least-squares",
      "Levenberg-Marquardt with More's scaling and Nielsen's damping update",
      "More 1978; Nielsen 1999; Madsen, Nielsen & Tingleff 2004, Alg. 3.16"));
  // (solver-registrations)
}

}  // namespace optiml
