"""Builds the extension optiml._optiml with the project's CMake build (offline:
`pip install --no-build-isolation .` inside a venv made with --system-site-packages
uses Debian's setuptools, wheel, pybind11 and NumPy)."""
import os
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
                     "-DOPTIML_BUILD_TESTS=OFF", "-DOPTIML_BUILD_BENCH=OFF",
                     f"-DPython_EXECUTABLE={sys.executable}"]
        configure += os.environ.get("OPTIML_CMAKE_FLAGS", "").split()
        subprocess.run(configure, check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_optiml"], check=True)
        built = next((build_dir / "python" / "optiml").glob("_optiml*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(built), str(target))


setup(ext_modules=[Extension("optiml._optiml", sources=[])], cmdclass={"build_ext": CMakeBuild})
