#pragma once
// Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017): 28 x 28 grayscale images of
// clothing in 10 classes, 60000 for training and 10000 for testing, as shipped
// by the Debian package dataset-fashion-mnist in the MNIST IDX layout.
#include <string>
#include <vector>

#include "optiml/data/dataset.hpp"

namespace optiml {

// Where Debian's dataset-fashion-mnist installs the files.
inline constexpr const char* fashion_mnist_default_directory = "/usr/share/datasets/fashion-mnist";

// split "train" (60000 x 784) or "test" (10000 x 784): dense features, one row
// per image with pixels in row-major order scaled to [0, 1] (0..255 when
// `scale_to_unit` is false), labels the class ids 0..9. Reads
// {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz from `directory` (or the
// same names without .gz). Throws InvalidArgument for an unknown split or
// when the files are missing, saying which package provides them.
Dataset load_fashion_mnist(const std::string& split, const std::string& directory = fashion_mnist_default_directory,
                           bool scale_to_unit = true);

// The class names by id: "T-shirt/top", "Trouser", ..., "Ankle boot".
const std::vector<std::string>& fashion_mnist_class_names();

}  // namespace optiml
