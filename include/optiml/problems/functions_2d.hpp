#pragma once
// Two-dimensional illustration functions, each an Objective with analytic gradient and
// Hessian, packaged as a TestProblem (start point, minimizer, optimal value). Formulas and
// minima follow Surjanovic & Bingham, "Virtual Library of Simulation Experiments"
// (sfu.ca/~ssurjano) and Jamil & Yang, "A literature survey of benchmark functions for
// global optimisation problems", IJMMNO 4(2), 2013.
//
// rosenbrock        100 (y - x^2)^2 + (1 - x)^2; x0 = (-1.2, 1); minimizer (1, 1).
// himmelblau        (x^2 + y - 11)^2 + (x + y^2 - 7)^2; x0 = (0, 0); four minimizers, all
//                   f = 0: (3, 2), (-2.805118, 3.131313), (-3.779310, -3.283186),
//                   (3.584428, -1.848127).
// beale             sum_{k=1..3} (c_k - x + x y^k)^2, c = (1.5, 2.25, 2.625); x0 = (1, 1);
//                   minimizer (3, 0.5).
// booth             (x + 2y - 7)^2 + (2x + y - 5)^2; x0 = (0, 0); minimizer (1, 3).
// matyas            0.26 (x^2 + y^2) - 0.48 x y; x0 = (10, 5); minimizer (0, 0).
// three-hump-camel  2x^2 - 1.05x^4 + x^6/6 + x y + y^2; x0 = (-1, -1.5); minimizer (0, 0);
//                   local minima +-(1.747552, -0.873776) with f = 0.298638.
// All have f* = 0.
//
// Start points: Rosenbrock's (-1.2, 1) is Rosenbrock (1960)'s and More, Garbow & Hillstrom
// (1981)'s; Beale's (1, 1) is MGH's; Himmelblau's (0, 0) is Himmelblau (1972)'s. The
// literature gives no start for Booth, Matyas and the three-hump camel (only the search
// box [-10, 10]^2 or [-5, 5]^2): ours are points of that box away from the minimizer,
// chosen so that Matyas starts off its valley axis (condition number 25) and the camel
// starts in the basin of the global minimum. Booth and Matyas are quadratics and report
// their curvature bounds (lipschitz_constant, strong_convexity): Booth L = 18, mu = 2;
// Matyas L = 1, mu = 0.04.
#include "optiml/problems/test_problem.hpp"

namespace optiml {

TestProblem rosenbrock_problem();
TestProblem himmelblau_problem();  // x_star = (3, 2); other_minima lists all four minimizers
TestProblem beale_problem();
TestProblem booth_problem();
TestProblem matyas_problem();
TestProblem three_hump_camel_problem();  // other_minima: the two local minima

}  // namespace optiml
