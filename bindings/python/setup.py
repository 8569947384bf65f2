"""Builds kzpenalty._native, the extension that carries the kzpenalty C library.

The library is compiled from its sources into the extension (its functions hidden), so the
installed package needs nothing but Python and libc. Where the sources come from:

- in an sdist: ``csrc/kzpenalty`` (the header, ``lib/``, the dataset and ``cmake/sources.cmake``,
  the list of sources every build uses) and ``csrc/jansson`` (Debian's jansson source with the
  configuration headers of ``packaging/jansson``), which is compiled in too: building needs a C
  compiler and nothing else;
- in the repository (``pip install bindings/python``): the repository itself, with the system's
  jansson (libjansson-dev) as a shared library, as the rest of the repository's build uses it.

``python setup.py sdist`` copies those sources, the licence and jansson's licence into the sdist;
jansson's source comes from ``scripts/jansson-source`` (Debian's source package). The dataset is
embedded from its JSON at build time, as ``cmake/embed.cmake`` does for CMake. The version is read
from ``include/kzpenalty.h``, its one home.
"""
import hashlib
import pathlib
import re
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
IN_SDIST = (HERE / "csrc" / "kzpenalty").is_dir()
LIB = HERE / "csrc" / "kzpenalty" if IN_SDIST else ROOT
JANSSON = HERE / "csrc" / "jansson"


def header_version():
    header = (LIB / "include" / "kzpenalty.h").read_text(encoding="utf-8")
    parts = [re.search(rf"#define KZP_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


def library_sources():
    """The library's C files, as cmake/sources.cmake lists them for every build."""
    listed = re.search(r"set\(KZP_LIB_SOURCES([^)]*)\)", (LIB / "cmake" / "sources.cmake").read_text(encoding="utf-8"))
    files = listed.group(1).split() if listed else []
    if not files:
        raise SystemExit(f"kzpenalty: {LIB / 'cmake' / 'sources.cmake'} lists no source in set(KZP_LIB_SOURCES ...)")
    return [LIB / f for f in files]


def embed_dataset(json_file, c_file):
    """The dataset as a C array, with the definitions cmake/embed.cmake writes."""
    data = json_file.read_bytes()
    rows = "\n".join("".join(f"0x{b:02x}," for b in data[i:i + 16]) for i in range(0, len(data), 16))
    c_file.parent.mkdir(parents=True, exist_ok=True)
    c_file.write_text(f"/* Generated from {json_file.name} by setup.py. Do not edit. */\n#include <stddef.h>\n"
                      f"const char kzp_embedded_dataset[] = {{\n{rows}\n0x00}};\n"
                      f"const size_t kzp_embedded_dataset_len = {len(data)};\n"
                      f"const char kzp_embedded_sha256[] = \"{hashlib.sha256(data).hexdigest()}\";\n", encoding="ascii")


def system_jansson():
    """Compiler and linker options for the system's jansson (repository builds only)."""
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "jansson"], check=True, capture_output=True,
                               text=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        flags = ["-ljansson"]  # no pkg-config: jansson's header and library in the default paths
    return {"include_dirs": [f[2:] for f in flags if f.startswith("-I")],
            "library_dirs": [f[2:] for f in flags if f.startswith("-L")],
            "libraries": [f[2:] for f in flags if f.startswith("-l")]}


class BuildWithLibrary(build_ext):
    """Adds the library (and, from an sdist, jansson) to the extension at build time only, so that
    sdist never lists files outside this directory."""

    def build_extension(self, ext):
        embedded = pathlib.Path(self.build_temp) / "kzp_embedded_dataset.c"
        embed_dataset(LIB / "data" / "kzpenalty.json", embedded)
        sources = [str(p) for p in library_sources()] + [str(embedded)]
        ext.include_dirs = [str(LIB / "include"), str(LIB / "lib")]
        ext.define_macros = [("KZP_STATIC", None)]
        if IN_SDIST:
            sources += sorted(str(p) for p in (JANSSON / "src").glob("*.c"))
            ext.include_dirs += [str(JANSSON / "config"), str(JANSSON / "src")]
            ext.define_macros.append(("HAVE_CONFIG_H", "1"))
        else:
            for key, value in system_jansson().items():
                setattr(ext, key, getattr(ext, key) + value)
        ext.sources = ["src/native.c"] + sources
        ext.extra_compile_args = ["-std=c11", "-fvisibility=hidden"]
        super().build_extension(ext)


class SdistWithSources(sdist):
    """An sdist that builds on its own: the library's sources, the dataset, jansson's sources and
    both licences go in beside the binding."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        dest = pathlib.Path(base_dir)
        if IN_SDIST:  # an sdist made from an unpacked sdist
            shutil.copytree(HERE / "csrc", dest / "csrc")
            shutil.copy2(HERE / "LICENSE", dest / "LICENSE")
            return
        lib = dest / "csrc" / "kzpenalty"
        for sub in ("include", "lib", "data", "cmake"):
            (lib / sub).mkdir(parents=True)
        shutil.copy2(ROOT / "include" / "kzpenalty.h", lib / "include")
        for f in list((ROOT / "lib").glob("*.c")) + list((ROOT / "lib").glob("*.h")):
            shutil.copy2(f, lib / "lib")
        shutil.copy2(ROOT / "data" / "kzpenalty.json", lib / "data")
        shutil.copy2(ROOT / "cmake" / "sources.cmake", lib / "cmake")
        shutil.copy2(ROOT / "LICENSE", dest / "LICENSE")

        jansson_src = ROOT / "build-pkg" / "jansson-src"
        subprocess.run(["sh", str(ROOT / "scripts" / "jansson-source"), str(jansson_src)], check=True)
        jansson = dest / "csrc" / "jansson"
        (jansson / "src").mkdir(parents=True)
        (jansson / "config").mkdir()
        for f in list((jansson_src / "src").glob("*.c")) + list((jansson_src / "src").glob("*.h")):
            shutil.copy2(f, jansson / "src")
        shutil.copy2(jansson_src / "LICENSE", jansson / "LICENSE-jansson")
        for f in ("jansson_config.h", "jansson_private_config.h"):
            shutil.copy2(ROOT / "packaging" / "jansson" / f, jansson / "config")


setup(
    version=header_version(),
    ext_modules=[Extension("kzpenalty._native", sources=["src/native.c"])],
    cmdclass={"build_ext": BuildWithLibrary, "sdist": SdistWithSources},
)
