#ifndef CTEXTMINE_COMPILER_H
#define CTEXTMINE_COMPILER_H

/* The version of the clang built into the Swift compiler that imports this header, with the commit
 * of Swift's llvm-project fork: every Swift toolchain, patch releases included, has its own. Swift
 * code reads it as a constant evaluated when that code is compiled, so TextMine's plugin ABI
 * fingerprint (StagePluginABI) names the compiler that built the host, or the plugin. */
static const char *const textmine_compiler_version = __clang_version__;

#endif
