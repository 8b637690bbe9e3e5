#include "optiml/data/fashion_mnist.hpp"

#include <sys/stat.h>

#include "optiml/core/error.hpp"
#include "optiml/data/idx.hpp"

namespace optiml {

namespace {

bool exists(const std::string& path) {
  struct stat st{};
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The gzip file, else the uncompressed one, else an error naming both.
std::string locate(const std::string& directory, const std::string& stem) {
  const std::string base = directory + (directory.empty() || directory.back() == '/' ? "" : "/") + stem;
  if (exists(base + ".gz")) return base + ".gz";
  if (exists(base)) return base;
  throw InvalidArgument("Fashion-MNIST file '" + base + ".gz' not found (nor '" + base +
                        "'); install the Debian package dataset-fashion-mnist or pass the directory that holds "
                        "the files");
}

}  // namespace

Dataset load_fashion_mnist(const std::string& split, const std::string& directory, bool scale_to_unit) {
  std::string prefix;
  if (split == "train")
    prefix = "train";
  else if (split == "test")
    prefix = "t10k";
  else
    throw InvalidArgument("load_fashion_mnist: split is '" + split + "', expected 'train' or 'test'");
  const std::string images_path = locate(directory, prefix + "-images-idx3-ubyte");
  const std::string labels_path = locate(directory, prefix + "-labels-idx1-ubyte");
  Matrix images = read_idx_images(images_path, scale_to_unit);
  Vector labels = read_idx_labels(labels_path);
  if (images.rows() != labels.size())
    throw InvalidArgument("Fashion-MNIST: '" + images_path + "' holds " + std::to_string(images.rows()) +
                          " images but '" + labels_path + "' " + std::to_string(labels.size()) + " labels");
  return Dataset(std::move(images), std::move(labels));
}

const std::vector<std::string>& fashion_mnist_class_names() {
  static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                 "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

}  // namespace optiml
