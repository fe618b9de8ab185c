/**
 * System packages that compile or fetch code and that a running service does not need:
 * compilers, build drivers, headers and VCS clients. Names from Debian/Ubuntu, Alpine and
 * Fedora/RHEL; a `*-dev` / `*-devel` package is headers and static libraries.
 */
const EXACT: ReadonlySet<string> = new Set([
  'build-essential', 'build-base', 'gcc', 'g++', 'cc', 'c++', 'clang', 'llvm', 'make', 'cmake', 'ninja-build', 'samurai',
  'autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'gfortran', 'cargo', 'rustc', 'golang',
  'linux-headers', 'git', 'mercurial', 'subversion',
]);

/** Versioned compilers (`gcc-12`, `g++-13`, `clang-17`) and header packages. */
const PATTERNS: readonly RegExp[] = [/^(?:gcc|g\+\+|clang|llvm)-\d[\d.]*$/, /.-dev$/, /.-devel$/];

export const isBuildPackage = (name: string): boolean => EXACT.has(name) || PATTERNS.some((p) => p.test(name));
