// Known minimizers and published minimal values of the More-Garbow-Hillstrom problems.
//
// "published" is the value printed in MGH (1981), section 3, as sum r_i^2 and to the
// digits printed there (they truncate: "8.21487... 10^-3"). "F" is the same minimum to
// full precision, sum r_i^2 at our x_star: closed forms where the paper gives them,
// otherwise our Levenberg-Marquardt runs from the standard start (or from the paper's
// minimizer) polished by Gauss-Newton steps to a gradient at rounding level, and for
// Penalty I and Freudenstein-Roth's local minimum Newton's method in 40-digit arithmetic
// (mpmath). The tests check F against "published" to the printed digits.
#include <cmath>
#include <limits>
#include <memory>
#include <string>

#include "optiml/core/error.hpp"
#include "optiml/problems/mgh.hpp"

namespace optiml {

namespace {

using F = MghFunction;
constexpr double kUnknown = std::numeric_limits<double>::quiet_NaN();

Vector vec(std::initializer_list<double> v) {
  Vector x(static_cast<Index>(v.size()));
  Index i = 0;
  for (double vi : v) x[i++] = vi;
  return x;
}

// What is known about one problem at size (n, m); values as sum r_i^2.
struct Known {
  double F = kUnknown;                            // the minimum, full precision
  double published = kUnknown;                    // the paper's printed value
  Vector x;                                       // a minimizer (empty when unknown)
  std::vector<std::pair<Vector, double>> others;  // other minimizers (or stationary points), with F
};

Known zero_at(Vector x) { return Known{0.0, 0.0, std::move(x), {}}; }
Known zero_unknown_x() { return Known{0.0, 0.0, Vector(), {}}; }

Known known(MghFunction f, Index n, Index m) {
  switch (f) {
    case F::Rosenbrock:
      return zero_at(vec({1, 1}));
    case F::FreudensteinRoth: {
      Known k = zero_at(vec({5, 4}));
      k.others = {{vec({11.412778986902094, -0.89680525327447652}), 48.984253679240021}};  // 48.9842
      return k;
    }
    case F::PowellBadlyScaled:
      return zero_at(vec({1.0981593296998404e-05, 9.1061467398663343}));
    case F::BrownBadlyScaled:
      return zero_at(vec({1e6, 2e-6}));
    case F::Beale:
      return zero_at(vec({3, 0.5}));
    case F::JennrichSampson:
      if (m != 10) return {};
      return {124.36218235561481, 124.362, vec({0.25782521367036498, 0.25782521367036498}), {}};
    case F::HelicalValley:
      return zero_at(vec({1, 0, 0}));
    case F::Bard:
      return {0.008214877306578966,
              8.21487e-3,
              vec({0.082410559749858781, 1.1330360920320612, 2.3436951786402864}),
              {}};
    case F::Gaussian:  // x3 = 0 exactly: the data are symmetric about t = 0
      return {1.1279327696188578e-08, 1.12793e-8, vec({0.39895613783875666, 1.0000190844878059, 0.0}), {}};
    case F::Meyer:
      return {87.945855170639632,
              87.9458,
              vec({0.0056096364710277432, 6181.3463462864229, 345.22363462413836}),
              {}};
    case F::Gulf:
      return zero_at(vec({50, 25, 1.5}));  // any m
    case F::Box3d: {                       // any m: zero on x1 = x2, x3 = 0 and at (1, 10, 1), (10, 1, -1)
      Known k = zero_at(vec({1, 10, 1}));
      k.others = {{vec({10, 1, -1}), 0.0}, {vec({1, 1, 0}), 0.0}};
      return k;
    }
    case F::PowellSingular:
      return zero_at(Vector::Zero(4));
    case F::Wood:
      return zero_at(Vector::Ones(4));
    case F::KowalikOsborne:
      return {0.00030750560384923696,
              3.07505e-4,
              vec({0.1928069340355561, 0.1912823409413929, 0.12305650922509252, 0.13606233633575732}),
              {}};
    case F::BrownDennis:
      if (m != 20) return {};
      return {85822.201626366063,
              85822.2,
              vec({-11.594437244747793, 13.203629056714551, -0.40343952909119729, 0.23677900869625626}),
              {}};
    case F::Osborne1:
      return {5.4648946974825395e-05,
              5.46489e-5,
              vec({0.37541005162505015, 1.9358468514575073, -1.4646870750415109, 0.012867534518188941,
                   0.0221226999145635}),
              {}};
    case F::BiggsExp6: {  // any m: zero at (1, 10, 1, 5, 4, 3); the paper's 5.65565e-3 is m = 13
      Known k = zero_at(vec({1, 10, 1, 5, 4, 3}));
      if (m == 13)
        k.others = {{vec({1.7114159947191454, 17.68319818098864, 1.1631436609184929, 5.1865615520107902,
                          1.7114159947191454, 1.1631436609184929}),
                     0.0056556499254999202}};  // 5.65565e-3
      return k;
    }
    case F::Osborne2:
      return {0.040137736293547707,
              4.01377e-2,
              vec({1.3099771546214483, 0.43155379458929971, 0.63366169895575797, 0.59943053477484676,
                   0.75418322629085355, 0.90428857996971646, 1.3658118351760244, 4.8236988173091255,
                   2.3986848661373199, 4.5688745976661727, 5.6753414705827456}),
              {}};
    case F::Watson:
      if (n == 6)
        return {0.0022876700535523721,
                2.28767e-3,
                vec({-0.01572508640125048, 1.0124348693693712, -0.23299162595946504, 1.2604300878087271,
                     -1.5137289227332158, 0.99299643243588531}),
                {}};
      if (n == 9)
        return {1.3997601380901226e-06,
                1.39976e-6,
                vec({-1.530703659584534e-05, 0.99978970393306454, 0.014763963642532914, 0.14634232880048537,
                     1.0008211008651045, -2.6177311357966788, 4.104403158843386, -3.1436122751016313,
                     1.0526264071566138}),
                {}};
      if (n == 12)
        return {4.7223811016672825e-10,
                4.72238e-10,
                vec({-6.638060425277162e-09, 1.0000016441178619, -0.00056393221027525127, 0.34782054050229988,
                     -0.15673150407776756, 1.0528151771037564, -3.2472711531142724, 7.2884348972192585,
                     -10.271848240380706, 9.0741136463221927, -4.5413754663560022, 1.0120118884885132}),
                {}};
      return {};
    case F::ExtendedRosenbrock:
      return zero_at(Vector::Ones(n));
    case F::ExtendedPowell:
      return zero_at(Vector::Zero(n));
    case F::Penalty1:  // the minimizer is symmetric: x_j = c with 2a(c - 1) + 4c(n c^2 - 1/4) = 0
      if (n == 4) return {2.2499775008999370e-05, 2.24997e-5, Vector::Constant(4, 0.25000749958753787), {}};
      if (n == 10) return {7.0876514670903694e-05, 7.08765e-5, Vector::Constant(10, 0.15812230111311636), {}};
      return {};
    case F::Penalty2:
      if (n == 4)
        return {9.3762930073554456e-06,
                9.37629e-6,
                vec({0.19999933335035744, 0.19131668004069613, 0.48010148984876139, 0.51884541920976412}),
                {}};
      if (n == 10)
        return {0.0002936605374567506,
                2.93660e-4,
                vec({0.19998360520657968, 0.010350638258263963, 0.019604941809176296, 0.032089078115525686,
                     0.049932694374418163, 0.076514022955667255, 0.11862412383062873, 0.19214501523344046,
                     0.34732018826248434, 0.36916478590313023}),
                {}};
      return {};
    case F::VariablyDimensioned:
      return zero_at(Vector::Ones(n));
    case F::Trigonometric: {  // all residuals vanish at x = 0
      Known k = zero_at(Vector::Zero(n));
      if (n == 10)  // a local minimum, reached from 100 x0 and from x_j = j/10
        k.others = {
            {vec({0.055150903847266702, 0.056840616654120706, 0.058764001613582091, 0.060990608497417907,
                  0.06362621352390696, 0.066843179264882757, 0.20816151897228335, 0.16436309644931626,
                  0.085006895498559346, 0.091431447714463918}),
             2.7950561218775735e-05}};
      return k;
    }
    case F::BrownAlmostLinear: {  // zero at (a, ..., a, a^(1-n)) with n a^n - (n+1) a^(n-1) + 1 = 0, e.g. a =
                                  // 1
      Known k = zero_at(Vector::Ones(n));
      if (n >= 3) {  // the paper's F = 1 point, a degenerate stationary point (not one for n < 3)
        Vector s = Vector::Zero(n);
        s[n - 1] = double(n + 1);
        k.others = {{s, 1.0}};
      }
      if (n == 10)
        k.others.push_back(
            {vec({0.97943030334986214, 0.97943030334986236, 0.97943030334986159, 0.97943030334986181,
                  0.97943030334986148, 0.97943030334986225, 0.97943030334986225, 0.97943030334986225,
                  0.9794303033498617, 1.2056969665013801}),
             0.0});
      return k;
    }
    case F::DiscreteBoundaryValue:
    case F::DiscreteIntegralEquation:  // the two discretizations share their solution
      if (n == 10)
        return zero_at(
            vec({-0.043164982518764869, -0.081577156535386885, -0.11448571438052929, -0.14097357686259668,
                 -0.15990869618198314, -0.16987720231277492, -0.16908998378120835, -0.15524953522183182,
                 -0.12535589167893499, -0.075416533685892087}));
      return zero_unknown_x();
    case F::BroydenTridiagonal:
      if (n == 10)
        return zero_at(
            vec({-0.57072213201122479, -0.68180694998427505, -0.70221007601766006, -0.7055106298950804,
                 -0.70490615572874371, -0.70149660702985117, -0.69188932235479828, -0.66579651440585375,
                 -0.59603510902636569, -0.41641225752869332}));
      return zero_unknown_x();
    case F::BroydenBanded:
      if (n == 10)
        return zero_at(
            vec({-0.42830286358725028, -0.47659642435629024, -0.51965246364686168, -0.55809932483218083,
                 -0.59250615682945729, -0.62450368219946795, -0.62323947144059111, -0.62139384179657353,
                 -0.62045359665908739, -0.58646927072043509}));
      return zero_unknown_x();
    case F::LinearFullRank: {  // F = m - n at x = (-1, ..., -1)
      const double v = double(m - n);
      return {v, v, Vector::Constant(n, -1.0), {}};
    }
    case F::LinearRank1: {  // F = m(m-1) / (2(2m+1)) wherever sum_j j x_j = 3 / (2m+1)
      const double md = double(m), v = md * (md - 1) / (2 * (2 * md + 1));
      Vector x = Vector::Zero(n);
      x[0] = 3 / (2 * md + 1);
      return {v, v, x, {}};
    }
    case F::LinearRank1ZeroColumns: {  // F = (m^2 + 3m - 6) / (2(2m-3)) wherever sum_{j=2}^{n-1} j x_j =
                                       // 3/(2m-3)
      const double md = double(m), v = (md * md + 3 * md - 6) / (2 * (2 * md - 3));
      Vector x = Vector::Zero(n);
      x[1] = 3 / (2 * (2 * md - 3));
      return {v, v, x, {}};
    }
    case F::Chebyquad:
      if (m != n) return {};
      if (n <= 7 || n == 9) return zero_unknown_x();
      if (n == 8)
        return {0.0035168737256779182,
                3.51687e-3,
                vec({0.04315276040890563, 0.19309084063704351, 0.26632870684254195, 0.50000000019068525,
                     0.4999999998093147, 0.73367129315745805, 0.80690915936295649, 0.9568472395910943}),
                {}};
      if (n == 10)
        return {0.0065039548008823025,
                6.50395e-3,
                vec({0.059619900519154521, 0.1667082818135365, 0.23917065892678938, 0.3988842936056074,
                     0.39888429098994427, 0.60111570901005607, 0.60111570639439227, 0.76082934107321065,
                     0.83329171818646353, 0.94038009948084555}),
                {}};
      return {};
  }
  return {};
}

}  // namespace

double mgh_published_value(std::string_view name, Index n) {
  for (const MghSpec& s : mgh_specs())
    if (name == s.name) {
      const MghProblem p(s.function, n);
      return known(s.function, p.dim(), p.num_residuals()).published;
    }
  throw InvalidArgument("mgh_published_value: unknown MGH problem '" + std::string(name) + "'");
}

TestProblem mgh_problem(MghFunction function, Index n) {
  auto problem = std::make_shared<MghProblem>(function, n);
  const Known k = known(function, problem->dim(), problem->num_residuals());
  TestProblem p;
  p.name = mgh_spec(function).name;
  p.least_squares = true;
  p.x0 = problem->standard_start();
  p.f_star = k.F / 2;  // NaN when unknown
  p.published_f = k.published;
  p.x_star = k.x;
  for (const auto& [x, F] : k.others) p.other_minima.emplace_back(x, F / 2);
  p.objective = std::move(problem);
  return p;
}

}  // namespace optiml
