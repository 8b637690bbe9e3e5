#pragma once
// Scalar and linear-algebra types shared by every module (DESIGN.md, Conventions).
#include <Eigen/Core>
#include <Eigen/SparseCore>

namespace optiml {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;
using SparseMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
using Index = Eigen::Index;

}  // namespace optiml
